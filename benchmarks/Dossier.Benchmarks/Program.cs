using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Dossier.Benchmarks.FoundationBenchmarks).Assembly).Run(args);
