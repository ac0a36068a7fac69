using Dossier.Evaluation.Events;
using Dossier.Nlp;
using Dossier.Nlp.Events;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Syntax;
using Dossier.Training.Learning;

namespace Dossier.Training.Events;

/// <summary>
/// Trains the event coder's confidence model: codes the judged texts as <c>analyze</c> does, keeps each asserted
/// event (not a plain statement) that a judgment covers (<see cref="JudgedEventEvaluation.Verdict"/>) with its
/// evidence and verdict, and fits, cross-validates and chooses the shown threshold with <see cref="ConfidenceTrainer"/>.
/// </summary>
public sealed class EventConfidenceTrainer
{
    private readonly Action<string> _log;

    /// <summary>Creates a trainer that reports progress to <paramref name="log"/>.</summary>
    public EventConfidenceTrainer(Action<string>? log = null) => _log = log ?? (_ => { });

    /// <summary>Trains from a config file, writes the weights (to <paramref name="output"/> instead of the config's when given) and returns the cross-validation of every pool and the threshold chosen on it.</summary>
    public ConfidenceTraining TrainFromConfig(string configPath, string? output = null) =>
        ConfidenceTrainer.TrainFromConfig(configPath, output, "events",
            "The event coder's confidence model: logistic regression over EventEvidence.Features (src/Dossier.Nlp/Events/EventEvidence.cs).",
            (config, ner, syntax) => Examples(config.Judged, config.Annotated, ner, syntax), _log);

    /// <summary>
    /// The judged events of the pools (judged texts first, then annotated sentences, each file a pool in that order),
    /// each with the evidence the coder weighs now.
    /// </summary>
    public static IReadOnlyList<ConfidenceExample> Examples(IReadOnlyList<JudgedPool> judged, IReadOnlyList<string> annotated, NerModel ner, SyntaxModel syntax)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(annotated);
        var pipeline = new PipelineBuilder().UseDefaults(ner, syntax: syntax).Build();
        var coder = new EventComponent();
        var examples = new List<ConfidenceExample>();
        foreach (var (pool, group, document) in ConfidenceTrainer.JudgedDocuments(judged, JudgedEventEvaluation.Read, j => j.Text, pipeline))
        {
            foreach (var (e, evidence) in coder.Code(document))
            {
                if (JudgedEventEvaluation.IsJudged(e, 0) && JudgedEventEvaluation.Verdict(group, document, e) is { } verdict)
                {
                    examples.Add(new ConfidenceExample(pool, [.. evidence.Features()], verdict.Right));
                }
            }
        }

        for (var k = 0; k < annotated.Count; k++)
        {
            var documents = new List<Document>();
            var results = AnnotatedEventEvaluation.Run(AnnotatedEventEvaluation.Read(annotated[k]), pipeline, documents);
            var evidence = documents.Select(d => coder.Code(d)).ToList();
            foreach (var (e, right) in AnnotatedEventEvaluation.Judge(results))
            {
                examples.Add(new ConfidenceExample(judged.Count + k, [.. evidence[e.Document][e.Index].Evidence.Features()], right));
            }
        }

        return examples;
    }
}
