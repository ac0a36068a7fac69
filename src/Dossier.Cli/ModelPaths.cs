namespace Dossier.Cli;

/// <summary>Where the shipped models are: $DOSSIER_MODELS, else models/ beside the program (copied there at build).</summary>
internal static class ModelPaths
{
    public static string Root =>
        Environment.GetEnvironmentVariable("DOSSIER_MODELS") is { Length: > 0 } env ? env : Path.Combine(AppContext.BaseDirectory, "models");

    public static string Ner => Path.Combine(Root, "ner");

    public static string Parse => Path.Combine(Root, "parse");

    public static string Quotes => Path.Combine(Root, "quotes");

    public static string Stance => Path.Combine(Root, "stance");

    public static string Kb => Path.Combine(Root, "kb", "kb.tsv");
}
