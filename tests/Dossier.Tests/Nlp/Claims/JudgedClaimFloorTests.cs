using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Events;
using Dossier.Nlp.Quotes;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Claims;

public class JudgedClaimFloorTests
{
    /// <summary>Shown claims a reader judged (eval/claims/JUDGED.md): the share right of the judged ones the brief still shows, on the five FNC-1 dev pools and the three unseen pools.</summary>
    [Theory]
    [InlineData("data", "floors")]
    [InlineData("dev2", "dev2_floors")]
    [InlineData("dev3", "dev3_floors")]
    [InlineData("dev4", "dev4_floors")]
    [InlineData("dev5", "dev5_floors")]
    [InlineData("unseen", "unseen_floors")]
    [InlineData("unseen2", "unseen2_floors")]
    [InlineData("unseen3", "unseen3_floors")]
    public void JudgedClaims_MeetTheFloors(string data, string floors)
    {
        var section = Floors.Section("fnc_judged_claims");
        var judged = JudgedClaimEvaluation.Read(Path.Combine(Repo.Root, section.GetProperty(data).GetString()!));
        var texts = JudgedTexts.Open(Path.Combine(Repo.Root, section.GetProperty("texts").GetString()!));
        var s = JudgedClaimEvaluation.Run(judged, text => Models.Pipeline.Process(texts.Load(text)), AttributionConfidence.Shown);
        Floors.AssertMet(section, new Dictionary<string, double> { ["shown_precision"] = 100 * s.Precision }, floors);
    }
}
