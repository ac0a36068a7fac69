using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Events;
using Dossier.Nlp.Claims;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Claims;

public class JudgedClaimFloorTests
{
    /// <summary>Shown claims a reader judged (eval/claims/JUDGED.md): the share right of the judged ones the brief still shows, and how many right ones it shows (so precision is not bought by showing nothing), on the five FNC-1 dev pools and the unseen pools.</summary>
    [Theory]
    [InlineData("data", "floors")]
    [InlineData("dev2", "dev2_floors")]
    [InlineData("dev3", "dev3_floors")]
    [InlineData("dev4", "dev4_floors")]
    [InlineData("dev5", "dev5_floors")]
    [InlineData("unseen", "unseen_floors")]
    [InlineData("unseen2", "unseen2_floors")]
    [InlineData("unseen3", "unseen3_floors")]
    [InlineData("unseen4", "unseen4_floors")]
    public void JudgedClaims_MeetTheFloors(string data, string floors)
    {
        var section = Floors.Section("fnc_judged_claims");
        var judged = JudgedClaimEvaluation.Read(Path.Combine(Repo.Root, section.GetProperty(data).GetString()!));
        var texts = JudgedTexts.Open(Path.Combine(Repo.Root, section.GetProperty("texts").GetString()!));
        var s = JudgedClaimEvaluation.Run(judged, text => Models.Pipeline.Process(texts.Load(text)), ClaimComponent.ShownConfidence);
        Floors.AssertMet(section, new Dictionary<string, double> { ["shown_precision"] = 100 * s.Precision, ["shown_right"] = s.JudgedRight }, floors);
    }
}
