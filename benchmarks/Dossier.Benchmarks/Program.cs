using BenchmarkDotNet.Running;

// `-- --stages N`: times each stage of the cross-document analysis once on N synthetic documents
// (a quick look at where the time goes; the figures to report come from the benchmarks).
if (args.Length == 2 && args[0] == "--stages")
{
    Dossier.Benchmarks.CrossSourceStages.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Dossier.Benchmarks.FoundationBenchmarks).Assembly).Run(args);
