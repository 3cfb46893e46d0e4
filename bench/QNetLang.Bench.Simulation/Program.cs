using BenchmarkDotNet.Running;
using QNetLang.Bench.Simulation;

// Two ways in:
//   dotnet run -c Release --project bench/QNetLang.Bench.Simulation -- scenarios [--max-qubits 28]
//       the Stopwatch scenario runner: prints the figures of docs/benchmarks.md as a table;
//   dotnet run -c Release --project bench/QNetLang.Bench.Simulation -- bdn [BenchmarkDotNet args]
//       the BenchmarkDotNet micro-benchmarks (state-vector kernels, event queue).
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "scenarios") return Scenarios.Run(args[1..]);
Console.Error.WriteLine("usage: QNetLang.Bench.Simulation scenarios [--max-qubits N] [--only NAME] | bdn [BenchmarkDotNet arguments]");
return 2;
