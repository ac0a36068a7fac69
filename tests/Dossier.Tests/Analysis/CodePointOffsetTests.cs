using System.Diagnostics;
using Dossier.Cli;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

/// <summary>A test that needs python3 on PATH; skipped, saying so, where there is none.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Python3 is null)
        {
            Skip = "python3 is not on PATH: the JSON offsets are checked by slicing in Python, which cannot run here";
        }
    }

    /// <summary>The python3 on PATH, or null.</summary>
    public static string? Python3 { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "python3"))
        .FirstOrDefault(File.Exists);
}

/// <summary>The JSON's code point offsets slice Python strings right, on a text with emoji (two UTF-16 code units each) before its quotes.</summary>
public class CodePointOffsetTests
{
    private const string Article = "🚀 Pakistan and 🇺🇸 America agree on cooperation 🎉\n\n"
        + "ISLAMABAD 😀 — Pakistan's interior minister Mohsin Naqvi 👍 said on Monday, May 13, 2024 that 2,000 troops 🪖 would be sent.\n\n"
        + "“We are 🚀 ready to work with America,” Naqvi said. “There is no foreign involvement 🙅 in these operations,” he added.\n\n"
        + "Afghan officials 🇦🇫 denied that 300 fighters crossed the border on Sunday.\n";

    /// <summary>For every item with offsets: text[start_cp:end_cp] is its text, and every *_cp span is the UTF-16 span's text.</summary>
    private const string Check = """
        import json, sys
        a = json.load(open(sys.argv[1], encoding="utf-8"))
        docs = {d["id"]: d["text"] for d in a["documents"]}
        def u16(t, s, e): return t.encode("utf-16-le")[2 * s:2 * e].decode("utf-16-le")
        n = 0
        def check(item, text, where):
            global n
            if "start_cp" in item:
                got = text[item["start_cp"]:item["end_cp"]]
                want = item.get("text", u16(text, item["start"], item["end"]))
                assert got == want, f"{where}: {got!r} != {want!r}"
                assert got == u16(text, item["start"], item["end"]), where
                n += 1
            for k, v in item.items():
                if k.endswith("_cp") and v is not None and k != "start_cp" and k != "end_cp":
                    spans = v if v and isinstance(v[0], list) else [v]
                    units = item[k[:-3]] if v and isinstance(v[0], list) else [item[k[:-3]]]
                    for cp, u in zip(spans, units, strict=True):
                        assert text[cp[0]:cp[1]] == u16(text, u[0], u[1]), f"{where}.{k}"
                        n += 1
        for d in a["documents"]:
            check(d, d["text"], "document")
            for m in d["mentions"]: check(m, d["text"], "mention")
        for kind in ["quotes", "claims", "figures", "times", "events"]:
            assert a[kind], f"no {kind}"
            for item in a[kind]: check(item, docs[item["doc"]], kind)
        for e in a["entities"]:
            for m in e["mentions"] + e["roles"]: check(m, docs[m["doc"]], "entity")
        print(f"checked {n}")
        """;

    [PythonFact]
    public void JsonCodePointOffsets_SliceThePythonStringExactly()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("emoji.txt"), Article);
        File.WriteAllText(dir.File("check.py"), Check);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DossierCli.RunAsync(["analyze", dir.File("emoji.txt"), "--format", "json", "-o", dir.File("a.json")], output, error).GetAwaiter().GetResult();
        Assert.True(code == 0, error.ToString());

        using var python = Process.Start(new ProcessStartInfo(PythonFactAttribute.Python3!, [dir.File("check.py"), dir.File("a.json")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = python.StandardOutput.ReadToEnd();
        var stderr = python.StandardError.ReadToEnd();
        python.WaitForExit();

        Assert.True(python.ExitCode == 0, stderr);
        Assert.Matches(@"^checked \d{2,}", stdout);
    }
}
