using Dossier.Knowledge;
using Dossier.Nlp.Stance;
using R = Dossier.Analysis.Corpus.CorpusResults;

namespace Dossier.Analysis.Corpus;

/// <summary>
/// The stages of the default corpus pipeline, each with what it reads and what it sets. The
/// first computes each document's digest (in parallel, from the document alone); the others
/// merge. Each
/// stage's work lives in the class it names (EntityGrouping, Statements, Facts, Syndication,
/// Propositions, ClaimAlignment, FigureDiscrepancies, Stories, GroupStance, ReReporting, Clocks,
/// TimeDiscrepancies); this
/// list only says in which order and on what.
/// </summary>
internal static class CorpusStages
{
    /// <summary>Every stage, in order; the stance stage only with a stance model.</summary>
    public static IEnumerable<ICorpusStage> All(KnowledgeBase kb, StanceModel? stance)
    {
        yield return new CorpusStage("digests", [], [R.Digests], (s, cancellationToken) => s.Set(R.Digests, DocumentDigest.Of(s.Documents, kb, cancellationToken)));
        yield return new CorpusStage("entities", [R.Digests], [R.Entities], (s, _) => s.Set(R.Entities, EntityGrouping.Group(s.Documents, s.Get(R.Digests), kb)));
        yield return new CorpusStage("statements", [R.Entities], [R.Quotes, R.Claims], (s, _) =>
        {
            var (quotes, claims) = Statements.Collect(s.Documents, s.Get(R.Entities));
            s.Set(R.Quotes, quotes);
            s.Set(R.Claims, claims);
        });
        yield return new CorpusStage("times", [], [R.Times], (s, _) => s.Set(R.Times, Facts.Times(s.Documents)));
        yield return new CorpusStage("events", [R.Entities], [R.Events], (s, _) => s.Set(R.Events, Facts.Events(s.Documents, s.Get(R.Entities))));
        yield return new CorpusStage("figures", [R.Entities, R.Events], [R.Figures], (s, _) => s.Set(R.Figures, Facts.Figures(s.Documents, s.Get(R.Entities), s.Get(R.Events))));
        yield return new CorpusStage("syndication", [R.Digests], [R.SourceOf], (s, _) => s.Set(R.SourceOf, Syndication.SourceOf(s.Documents, [.. s.Get(R.Digests).Select(d => d.Signature)])));
        yield return new CorpusStage("propositions", [R.Claims, R.Entities], [R.ClaimMentions, R.Propositions], (s, _) =>
        {
            var mentions = ClaimMentions.Of(s.Documents, s.Get(R.Claims), s.Get(R.Entities));
            s.Set(R.ClaimMentions, mentions);
            s.Set(R.Propositions, Propositions.Of(s.Documents, s.Get(R.Claims), mentions));
        });
        yield return new CorpusStage("stories", [R.Digests, R.Entities, R.SourceOf], [R.Stories], (s, _) => s.Set(R.Stories, Stories.Cluster(s.Documents, [.. s.Get(R.Digests).Select(d => d.Stems)], s.Get(R.Entities), s.Get(R.SourceOf))));
        yield return new CorpusStage("claim-groups", [R.Claims, R.ClaimMentions, R.Propositions, R.SourceOf, R.Stories], [R.ClaimGroups], (s, _) =>
        {
            var sourceOf = s.Get(R.SourceOf);
            var storyOf = s.Get(R.Stories).SelectMany(story => story.Documents.Select(d => (d, story.Id))).ToDictionary(x => x.d, x => x.Id, StringComparer.Ordinal);
            s.Set(R.ClaimGroups, ClaimAlignment.Align(s.Documents, s.Get(R.Claims), s.Get(R.ClaimMentions), s.Get(R.Propositions), doc => sourceOf[doc], doc => storyOf.GetValueOrDefault(doc, doc)));
        });
        yield return new CorpusStage("figure-discrepancies", [R.Figures, R.SourceOf], [R.Discrepancies], (s, _) => s.Set(R.Discrepancies, FigureDiscrepancies.Find(s.Documents, s.Get(R.Figures), s.Get(R.SourceOf))));
        if (stance is not null)
        {
            yield return new CorpusStage("stance", [R.ClaimGroups, R.Stories], [R.StanceCoverage], (s, _) => s.Set(R.StanceCoverage, GroupStance.Coverage(s.Get(R.ClaimGroups), s.Documents, s.Get(R.Stories), stance)));
        }

        yield return new CorpusStage("re-reporting", [R.Quotes], [R.RepeatedQuotes], (s, _) => s.Set(
            R.RepeatedQuotes,
            [.. ReReporting.Statements(s.Get(R.Quotes), q => q.Document, ReReporting.SpeakerOf, q => q.Text, s.DocumentsById).Where(st => st.Carriers.Count > 1)]));
        yield return new CorpusStage("clocks", [R.Times, R.Quotes, R.Claims, R.Figures, R.Events], [R.Clocks], (s, _) => s.Set(
            R.Clocks, Clocks.Of(s.Documents, s.Get(R.Times), s.Get(R.Quotes), s.Get(R.Claims), s.Get(R.Figures), s.Get(R.Events))));
        yield return new CorpusStage("time-discrepancies", [R.RepeatedQuotes, R.Events, R.Clocks, R.SourceOf], [R.TimeDiscrepancies], (s, _) => s.Set(
            R.TimeDiscrepancies, TimeDiscrepancies.Find(s.Documents, s.Get(R.RepeatedQuotes), s.Get(R.Events), s.Get(R.Clocks), s.Get(R.SourceOf))));
    }
}
