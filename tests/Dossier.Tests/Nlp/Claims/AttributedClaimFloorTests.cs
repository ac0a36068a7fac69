using Dossier.Annotations;
using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Quotes;
using Dossier.Nlp.Claims;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Claims;

public class AttributedClaimFloorTests
{
    /// <summary>
    /// The claims the brief shows on PolNeAR political news that the attribution annotation bears out, and how many: on
    /// PolNeAR dev and on the held-out tenth of train, neither of which the claims model trained on (eval/baseline.json, polnear_claims).
    /// </summary>
    [Theory]
    [InlineData("data", "all", "floors")]
    [InlineData("holdout", "holdout", "holdout_floors")]
    public void PolnearClaims_MeetTheFloors(string data, string part, string floors)
    {
        var section = Floors.Section("polnear_claims");
        var articles = QuoteEvaluation.Part(QuoteEvaluation.ReadPolnear(Path.Combine(Repo.Root, section.GetProperty(data).GetString()!)), part);
        var shown = AttributedClaimEvaluation.Score(
            [.. articles.Select(a => (a.Attributions, (IReadOnlyList<ClaimData>)Models.Pipeline.Process(a.Text).Get(Layers.Claims)))],
            [ClaimComponent.ShownConfidence]).Single();
        Floors.AssertMet(section, new Dictionary<string, double> { ["shown_precision"] = 100 * shown.Precision, ["shown_right"] = shown.Right }, floors);
    }
}
