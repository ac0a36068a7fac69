using Dossier.Annotations;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Events;

/// <summary>A sentence of a test read by the default pipeline, and the texts of its events' roles.</summary>
internal static class EventRead
{
    /// <summary>The document and the events the pipeline coded in <paramref name="text"/>.</summary>
    public static (Document Doc, IReadOnlyList<EventData> Events) Read(string text)
    {
        var doc = Models.Pipeline.Process(text);
        return (doc, doc.Get(Layers.Events));
    }

    /// <summary>The text of a role's span, or null for none.</summary>
    public static string? TextOf(Document doc, TextSpan? span) => span is { } s ? doc.GetText(s) : null;
}
