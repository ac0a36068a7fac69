using System.CommandLine;
using System.Text;
using Dossier.Annotations;
using Dossier.Storage.Sqlite;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier show DOC --db FILE [--layer sentences|tokens|paragraphs|deps]</c>: one stored document with its annotations marked.</summary>
internal static class ShowCommand
{
    private const string Reset = "\u001b[0m";
    private static readonly string[] Colours = ["\u001b[30;46m", "\u001b[30;43m"];

    public static Command Create(Lazy<CliContext> context)
    {
        var doc = new Argument<string>("doc") { Description = "A document id, a unique prefix of one, or the path it was ingested from." };
        var db = CommonOptions.Db("The SQLite file to read.", required: true);
        var layer = new Option<string>("--layer", "-l")
        {
            Description = "What to mark: sentences, tokens or paragraphs; or deps, each sentence's dependency tree (tags, lemmas, relations) from the shipped parser.",
            DefaultValueFactory = _ => "sentences",
        };
        layer.AcceptOnlyFromAmong("sentences", "tokens", "paragraphs", "deps");
        var color = new Option<bool>("--color") { Description = "Mark with colours even when the output is not a terminal." };
        var command = new Command("show", "Print one stored document with its metadata and its annotations marked.")
        {
            doc, db, layer, color,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(
            context.Value,
            parse.GetRequiredValue(doc),
            parse.GetValue(db)!,
            parse.GetValue(layer)!,
            parse.GetValue(color))));
        return command;
    }

    private static int Run(CliContext ctx, string key, string dbPath, string layer, bool forceColor)
    {
        if (!File.Exists(dbPath))
        {
            return ctx.Fail($"no store at {dbPath}; create one with 'dossier ingest PATH --db {dbPath}'");
        }

        using var store = SqliteDocumentStore.OpenReadOnly(dbPath);
        var document = store.Find(key);
        if (document is null)
        {
            return ctx.Fail($"no document '{key}' in {dbPath}");
        }

        var colour = forceColor || (ReferenceEquals(ctx.Output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
        var m = document.Metadata;
        var o = ctx.Output;
        o.WriteLine($"# {Printable.Escape(m.Title ?? "(no title)")}");
        o.WriteLine();
        o.WriteLine($"id:        {document.Id}");
        o.WriteLine($"source:    {Printable.Escape(m.Source)}");
        o.WriteLine($"outlet:    {Printable.Escape(m.Outlet ?? "—")}");
        o.WriteLine($"byline:    {Printable.Escape(m.Byline ?? "—")}");
        o.WriteLine($"published: {(m.Published is { } p ? p.ToString("yyyy-MM-dd") + (m.PublishedTime is { } t ? " " + t.ToString("HH:mm") : string.Empty) : "—")}");
        o.WriteLine($"encoding:  {Printable.Escape(m.Encoding ?? "—")}");
        o.WriteLine($"counts:    {document.Paragraphs.Count} paragraphs, {document.Sentences.Count} sentences, {document.Tokens.Count} tokens");
        foreach (var w in document.Warnings)
        {
            o.WriteLine($"warning:   {Printable.Escape(w)}");
        }

        o.WriteLine();
        if (layer == "deps")
        {
            if (ctx.LoadSyntax(ModelPaths.Parse) is not { } syntax)
            {
                return ExitCodes.Failure;
            }

            new Dossier.Nlp.Syntax.SyntaxComponent(syntax).Process(document, CancellationToken.None);
            foreach (var sentence in document.Sentences)
            {
                o.WriteLine($"[{sentence.Index + 1}] {Printable.Escape(sentence.Text.ReplaceLineEndings(" "))}");
                o.Write(Dossier.Nlp.Syntax.DependencyTreeText.ToText(sentence, Printable.Escape));
                o.WriteLine();
            }

            return ExitCodes.Success;
        }

        foreach (var paragraph in document.Paragraphs)
        {
            var spans = layer switch
            {
                "tokens" => document.Get(Layers.Tokens).Where(tk => paragraph.Span.Contains(tk.Span)).Select(tk => tk.Span),
                "sentences" => paragraph.Sentences.Select(s => s.Span),
                _ => [paragraph.Span],
            };
            var label = layer == "sentences" ? paragraph.Sentences.Select(s => s.Index).DefaultIfEmpty(-1).First() : -1;
            o.WriteLine($"¶{paragraph.Index + 1} {Mark(document.Text, paragraph.Span, spans, colour, layer == "sentences" ? label : null)}");
            o.WriteLine();
        }

        return ExitCodes.Success;
    }

    /// <summary>The paragraph with each span marked: coloured on a terminal, in brackets otherwise (numbered for sentences); the text's control characters are shown as escapes, its line breaks kept.</summary>
    private static string Mark(string text, TextSpan paragraph, IEnumerable<TextSpan> spans, bool colour, int? firstNumber)
    {
        var sb = new StringBuilder();
        var at = paragraph.Start;
        var k = 0;
        foreach (var span in spans)
        {
            Append(sb, text, at, span.Start - at);
            var number = firstNumber is { } f ? $"{f + k + 1}" : null;
            if (colour)
            {
                Append(sb.Append(Colours[k % 2]), text, span.Start, span.Length).Append(Reset);
            }
            else
            {
                Append(sb.Append(number is null ? "[" : $"[{number}: "), text, span.Start, span.Length).Append(']');
            }

            at = span.End;
            k++;
        }

        Append(sb, text, at, paragraph.End - at);
        return sb.ToString();
    }

    /// <summary>Appends part of the article text, line by line, each line made safe for a terminal.</summary>
    private static StringBuilder Append(StringBuilder sb, string text, int start, int length) =>
        sb.AppendJoin('\n', text.Substring(start, length).Split('\n').Select(Printable.Escape));
}
