using System.Text.RegularExpressions;

namespace Dossier.Nlp.Quotes;

/// <summary>Sentences and contents that look like reported speech but say nothing anyone said.</summary>
internal static partial class NonStatements
{
    /// <summary>
    /// True for a story's credit line, which names who reported, wrote or edited it ('(Reporting by Valerie
    /// Volcovici; Editing by Will Dunham.)', 'Bryant Rousseau and Caryn Wilson contributed reporting.',
    /// '--additional reporting by Linh Tat.'). 'Reporting from the capital:' opening a story is no credit.
    /// </summary>
    public static bool IsCredit(ReadOnlySpan<char> sentence) => Credit().IsMatch(sentence);

    /// <summary>
    /// True for the content of a request for words ('did not respond to requests for comment', 'asked for an
    /// interview'): it was asked of the one named, who said nothing, and urged nothing.
    /// </summary>
    public static bool IsRequestForWords(ReadOnlySpan<char> content) => RequestForWords().IsMatch(content);

    /// <summary>
    /// True for a refusal to speak ('declined to comment', 'declined further comment', 'refused to
    /// speculate', 'denied repeated requests from Vocativ to …'): silence, which holds no claim.
    /// <paramref name="stance"/> is the cue's (reject, deny, dismiss), <paramref name="content"/> the words refused.
    /// </summary>
    public static bool IsRefusalToSpeak(string stance, ReadOnlySpan<char> content) =>
        stance is "reject" or "deny" or "dismiss" && RefusedWords().IsMatch(content);

    /// <summary>
    /// True for words that only refuse to speak, in the speaker's own voice ('"I'm not going to speculate about
    /// what may happen," the spokesman said', 'We won't comment on rumours.'): one sentence whose main clause
    /// declines to comment, speculate or go into something. Words that go on to say something are a claim.
    /// </summary>
    public static bool IsOwnRefusal(ReadOnlySpan<char> content) =>
        OwnRefusal().IsMatch(content) && content.TrimEnd(" .!\"'”’".AsSpan()).IndexOfAny(".;!?") < 0;

    [GeneratedRegex(@"^\W*(i|we)\b\W*\w{0,4}\s+(not|never)\s+(going\s+to\s+|about\s+to\s+|able\s+to\s+)?(comment|speculate|discuss|elaborate|get\s+into|go\s+into)\b|^\W*(i|we)\s+(won['’]t|will\s+not|can['’]t|cannot|don['’]t|do\s+not|wouldn['’]t|would\s+not)\s+(comment|speculate|discuss|elaborate|get\s+into|go\s+into)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OwnRefusal();

    /// <summary>
    /// True for what a reply was to ('responded to the criticism on Monday', 'Replying to a question, the minister
    /// said …'): the 'to' phrase of a verb of answering names what was answered, not what was said.
    /// <paramref name="before"/> is the text before the content, <paramref name="cue"/> the cue's words.
    /// </summary>
    public static bool IsWhatWasAnswered(ReadOnlySpan<char> before, ReadOnlySpan<char> cue, ReadOnlySpan<char> content) =>
        AnsweredAfter().IsMatch(before) || (AnswerCue().IsMatch(cue) && content.TrimStart().StartsWith("to ", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^(respond|repl(y|ie)|react|answer)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnswerCue();

    [GeneratedRegex(@"\b(respond(s|ed|ing)?|repl(y|ies|ied|ying)|react(s|ed|ing)?|answer(s|ed|ing)?|in\s+(response|reply|answer))\s+to\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnsweredAfter();

    [GeneratedRegex(@"^\W*(to\s+(comment|speculate|speak|talk|discuss|elaborate|respond|answer|say|confirm|disclose|provide|give|release|name|identify|reveal|let|make\s+\w+\s+available)\b|(any\s+|all\s+|further\s+|immediate\s+)?comments?\b|(all\s+|repeated\s+|several\s+|multiple\s+)?(media\s+)?(requests?|calls?)\s+(for|to|from)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RefusedWords();

    [GeneratedRegex(@"^\W*for\s+(comment|an?\s+interview)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RequestForWords();

    [GeneratedRegex(@"^\W*(reporting\s+by|additional\s+reporting\s+(by|from))\s|\bcontributed\s+(additional\s+)?(reporting|to\s+this\s+(report|article|story))\b|\b(editing|writing)\s+by\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Credit();
}
