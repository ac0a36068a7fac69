using Dossier.Evaluation;
using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Quotes;
using Dossier.Nlp;
using Dossier.Nlp.Claims;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Syntax;
using Dossier.Training.Learning;

namespace Dossier.Training.Claims;

/// <summary>
/// Trains the claims' confidence model: reads the judged texts as <c>analyze</c> does, keeps each claim the model
/// scores (its speaker found one of the surer ways) that a judgment covers (<see cref="JudgedClaimEvaluation.Verdict"/>)
/// with its evidence and verdict, and fits, cross-validates and chooses the shown threshold with <see cref="ConfidenceTrainer"/>.
/// </summary>
public sealed class ClaimConfidenceTrainer
{
    private readonly Action<string> _log;

    /// <summary>Creates a trainer that reports progress to <paramref name="log"/>.</summary>
    public ClaimConfidenceTrainer(Action<string>? log = null) => _log = log ?? (_ => { });

    /// <summary>Trains from a config file, writes the weights (to <paramref name="output"/> instead of the config's when given) and returns the cross-validation of every pool and the threshold chosen on it.</summary>
    public ConfidenceTraining TrainFromConfig(string configPath, string? output = null) =>
        ConfidenceTrainer.TrainFromConfig(configPath, output, "claims",
            "The claims' confidence model: logistic regression over ClaimEvidence.Features (src/Dossier.Nlp/Claims/ClaimEvidence.cs).",
            (config, ner, syntax) => Examples(config.Judged, config.Attributed, ner, syntax), _log);

    /// <summary>
    /// The claims of the pools, judged files first and then tenths of attributed articles (each a pool, in that order),
    /// each with the evidence the model weighs now and whether it is right (judged so, or borne out by the annotation).
    /// </summary>
    public static IReadOnlyList<ConfidenceExample> Examples(IReadOnlyList<JudgedPool> judged, IReadOnlyList<AttributedPool> attributed, NerModel ner, SyntaxModel syntax)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(attributed);
        var pipeline = new PipelineBuilder().UseDefaults(ner, syntax: syntax).Build();
        var reader = new ClaimComponent();
        var examples = new List<ConfidenceExample>();
        foreach (var (pool, group, document) in ConfidenceTrainer.JudgedDocuments(judged, JudgedClaimEvaluation.Read, j => j.Text, pipeline))
        {
            foreach (var (claim, evidence) in reader.Read(document))
            {
                if (evidence is { } e && JudgedClaimEvaluation.Verdict(group, document, claim) is { } verdict)
                {
                    examples.Add(new ConfidenceExample(pool, [.. e.Features()], verdict.Right));
                }
            }
        }

        for (var k = 0; k < attributed.Count; k++)
        {
            foreach (var article in QuoteEvaluation.ReadPolnear(attributed[k].Data).Where(a => DataSplit.Tenth(a.Name) == attributed[k].Tenth))
            {
                var document = pipeline.Process(article.Text);
                foreach (var (claim, evidence) in reader.Read(document))
                {
                    if (evidence is { } e)
                    {
                        examples.Add(new ConfidenceExample(judged.Count + k, [.. e.Features()], AttributedClaimEvaluation.Verdict(article.Attributions, claim)));
                    }
                }
            }
        }

        return examples;
    }
}
