using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Events;
using Dossier.Nlp.Claims;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Claims;

public class JudgedClaimFloorTests
{
    /// <summary>Shown claims a reader judged (eval/claims/JUDGED.md): the share right of the judged ones the brief still shows, and how many right ones it shows (so precision is not bought by showing nothing), on the five FNC-1 dev pools, the FNC-1 unseen pools and GUM's news documents.</summary>
    [Theory]
    [InlineData("fnc_judged_claims", "data", "texts", "floors")]
    [InlineData("fnc_judged_claims", "dev2", "texts", "dev2_floors")]
    [InlineData("fnc_judged_claims", "dev3", "texts", "dev3_floors")]
    [InlineData("fnc_judged_claims", "dev4", "texts", "dev4_floors")]
    [InlineData("fnc_judged_claims", "dev5", "texts", "dev5_floors")]
    [InlineData("fnc_judged_claims", "unseen", "texts", "unseen_floors")]
    [InlineData("fnc_judged_claims", "unseen2", "texts", "unseen2_floors")]
    [InlineData("fnc_judged_claims", "unseen3", "texts", "unseen3_floors")]
    [InlineData("fnc_judged_claims", "unseen4", "texts", "unseen4_floors")]
    [InlineData("gum_judged_claims", "data", "texts", "floors")]
    [InlineData("gum_judged_claims", "test", "test_texts", "test_floors")]
    [InlineData("conll_judged_claims", "data", "texts", "floors")]
    [InlineData("conll_judged_claims", "test", "texts", "test_floors")]
    public void JudgedClaims_MeetTheFloors(string pools, string data, string textsKey, string floors)
    {
        var section = Floors.Section(pools);
        var judged = JudgedClaimEvaluation.Read(Path.Combine(Repo.Root, section.GetProperty(data).GetString()!));
        var texts = JudgedTexts.Open(Path.Combine(Repo.Root, section.GetProperty(textsKey).GetString()!));
        var s = JudgedClaimEvaluation.Run(judged, text => Models.Pipeline.Process(texts.Load(text)), ClaimComponent.ShownConfidence);
        Floors.AssertMet(section, new Dictionary<string, double> { ["shown_precision"] = 100 * s.Precision, ["shown_right"] = s.JudgedRight }, floors);
    }
}
