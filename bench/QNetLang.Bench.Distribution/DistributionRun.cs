using QNetLang.Ir;
using System.Diagnostics;
using QNetLang.Compiler;
using QNetLang.Distribution;

namespace QNetLang.Bench.Distribution;

/// <summary>Compiles one generated circuit on K all-to-all QPUs and measures ebits and time.</summary>
public static class DistributionRun
{
    /// <param name="CpuMs">Processor time of the whole process during the compile (all threads, GC included): on a shared machine a steadier figure than wall time.</param>
    public sealed record Result(int Ebits, int Gates, int TwoQubitGates, double CompileMs, double CpuMs, double PartitionMs, double DistributeMs)
    {
        /// <summary>Milliseconds of every stage and pass, in order.</summary>
        public IReadOnlyList<(string Name, double Milliseconds)> Stages { get; init; } = [];
    }

    private static readonly string Work = Path.Combine(Path.GetTempPath(), "qnlc-bench-" + Environment.ProcessId);

    public static Result Run(string qasm, int qpus, int seed, int? qubitsPerQpu = null, CompilerStage stopAfter = CompilerStage.Distribute)
    {
        Directory.CreateDirectory(Work);
        string path = Path.Combine(Work, $"circuit{Environment.CurrentManagedThreadId}.qasm");
        File.WriteAllText(path, qasm);
        // Default options otherwise: a flat file is never refused by the unroll budget.
        var options = new CompilationOptions { QpuCount = qpus, QubitsPerQpu = qubitsPerQpu, Seed = seed, StopAfter = stopAfter };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = QnCompiler.Compile(path, options);
        double total = clock.Elapsed.TotalMilliseconds;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Items));
        var program = result.Distributed.Single();
        double Pass(string name) => program.Context.Statistics.PassTimes.Where(p => p.Name == name).Sum(p => p.Milliseconds);
        int twoQubit = program.Original.Operations.Count(op => op is GateOperation { Qubits.Length: 2 });
        return new Result(DistributionReport.Ebits(program.Circuit), program.Original.Operations.Length, twoQubit, total, cpuMs, Pass("partition"), Pass("distribute"))
        {
            Stages = [.. result.Timings],
        };
    }
}
