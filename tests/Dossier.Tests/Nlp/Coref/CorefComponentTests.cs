using Dossier.Annotations;
using Dossier.Nlp;
using Dossier.Nlp.Coref;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Coref;

public class CorefComponentTests
{
    private static readonly DocumentPipeline Parsed = new PipelineBuilder().UseDefaults(syntax: Models.Syntax).Build();

    /// <summary>A text through paragraphs, tokens and sentences (and the parser when asked), with hand-made mentions (each name's every occurrence), then coreference.</summary>
    private static Document Resolve(string text, bool parse, params (string Name, string Label)[] names)
    {
        var doc = parse ? Parsed.Process(text) : Docs.Process(text);
        var mentions = new List<MentionData>();
        foreach (var (name, label) in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                mentions.Add(new MentionData(new TextSpan(at, at + name.Length), label));
            }
        }

        doc.Set(Layers.Mentions, [.. mentions.OrderBy(m => m.Span.Start)]);
        CorefComponent.Instance.Process(doc, CancellationToken.None);
        return doc;
    }

    private static Reference Single(Document doc, string text) => Assert.Single(doc.References, r => r.Text == text);

    [Fact]
    public void Coref_PronounRefersToTheNearestPersonBefore()
    {
        const string text = "Imran Khan spoke first. Later Nawaz Sharif arrived in Lahore. He said the talks went well.";
        var doc = Resolve(text, parse: false, ("Imran Khan", "PER"), ("Nawaz Sharif", "PER"), ("Lahore", "GPE"));

        var he = Single(doc, "He");
        Assert.Equal("Nawaz Sharif", he.AntecedentText);
        Assert.Equal(ReferenceKind.Pronoun, he.Kind);

        // Offsets are half-open into the document's text, and the antecedent is an index into the mentions layer.
        var at = text.IndexOf("He said", StringComparison.Ordinal);
        Assert.Equal(new TextSpan(at, at + 2), he.Span);
        Assert.Equal("PER", doc.Get(Layers.Mentions)[he.Data.Mention].Label);
    }

    [Fact]
    public void Coref_SubjectPronounPrefersTheSubjectOfTheSentenceBefore()
    {
        var doc = Resolve("Imran Khan met Nawaz Sharif on Tuesday. He said the talks went well.", parse: true, ("Imran Khan", "PER"), ("Nawaz Sharif", "PER"));

        Assert.Equal("Imran Khan", Single(doc, "He").AntecedentText);
    }

    [Fact]
    public void Coref_RoleNounRefersToThePersonIntroducedWithThatRole()
    {
        const string text = "Foreign Office spokesperson Shafqat Ali Khan said on Thursday that talks would go on. "
            + "Imran Ahmed, a lawyer, disagreed. The spokesperson added that the border would reopen.";
        var doc = Resolve(text, parse: false, ("Foreign Office", "ORG"), ("Shafqat Ali Khan", "PER"), ("Imran Ahmed", "PER"));

        var role = Single(doc, "The spokesperson");
        Assert.Equal("Shafqat Ali Khan", role.AntecedentText);
        Assert.Equal(ReferenceKind.Role, role.Kind);
    }

    [Fact]
    public void Coref_OrganisationRoleNounNeedsAnOrganisationWhoseNameHoldsIt()
    {
        var doc = Resolve("The Ministry of Defense and the Taliban met. The ministry said it was hopeful.", parse: false, ("Ministry of Defense", "ORG"), ("Taliban", "ORG"));

        var ministry = Single(doc, "The ministry");
        Assert.Equal("Ministry of Defense", ministry.AntecedentText);
        Assert.Equal(ReferenceKind.Role, ministry.Kind);
    }

    [Fact]
    public void Coref_NothingWhenNothingFits()
    {
        var doc = Resolve("The weather was fine on Monday. He said it would rain, and the spokesperson agreed.", parse: false);
        Assert.Empty(doc.References);

        // A role noun that titles a name, or is followed by 'of', is no reference.
        var titled = Resolve("Khan spoke. Then spokesperson Fitrat and the president of the club left.", parse: false, ("Khan", "PER"), ("Fitrat", "PER"));
        Assert.DoesNotContain(titled.References, r => r.Text.Contains("spokesperson", StringComparison.Ordinal) || r.Text.Contains("president", StringComparison.Ordinal));
    }

    [Fact]
    public void Coref_PronounOutsideAQuotationSkipsAPersonNamedInside()
    {
        var doc = Resolve("Imran Khan was asked about the talks. \u201CNawaz Sharif knows them well,\u201D he said.", parse: false, ("Imran Khan", "PER"), ("Nawaz Sharif", "PER"));

        Assert.Equal("Imran Khan", Single(doc, "he").AntecedentText);
    }

    [Fact]
    public void Coref_RoleWordsCoverThoseTheQuoteFinderReadsAsRoles()
    {
        // quote-words.tsv and coref-words.tsv keep the role lists equal: a speaker phrase headed by a
        // role word the layer does not know would lose its antecedent.
        var quoteWords = DataFile.ReadEmbedded(typeof(CorefComponent).Assembly, "Dossier.Nlp.Quotes.quote-words.tsv");
        foreach (var category in (string[])["person-role", "group-role"])
        {
            foreach (var word in quoteWords.Single(r => r[0] == category)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(Coreference.Is(category, word), $"{category} '{word}' is in quote-words.tsv but not in coref-words.tsv");
            }
        }
    }

    [Fact]
    public void UseDefaults_AddsCoreferenceBeforeQuotes()
    {
        var doc = Models.Seed("001");

        Assert.True(doc.Has(Layers.References));
        Assert.All(doc.References, r => Assert.True(r.Antecedent.Span.End <= r.Span.Start));
    }
}
