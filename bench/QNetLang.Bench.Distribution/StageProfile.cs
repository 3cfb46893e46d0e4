using System.Diagnostics;
using System.Globalization;
using System.Text;
using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Distribution.Passes;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Semantics.Lowering;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Qasm;

namespace QNetLang.Bench.Distribution;

/// <summary>
/// The pipeline of <c>qnlc build --qpus K</c> on an OpenQASM circuit, stage by stage and pass
/// by pass, with the process CPU time and the bytes allocated (all threads) of each step beside
/// its wall time: on a machine shared with other jobs, wall time says little about where the
/// work goes, CPU time and allocation do. Two rounds in one process: the second is JIT-warm.
/// </summary>
public static class StageProfile
{
    public static string Run(string what, int qpus)
    {
        string qasm = what == "cz48" ? CircuitFamilies.CzFraction(48, 0.9, 0) : Tables.RandomCircuit(200, int.Parse(what, CultureInfo.InvariantCulture), 7);
        var sb = new StringBuilder();
        for (int round = 0; round < 2; round++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"round {round} (load {Load()}):\n| step | wall ms | CPU ms | MB allocated | GC pause ms | collections (gen 0/1/2) |\n|---|---|---|---|---|---|\n");
            var steps = Compile(qasm, qpus, out int ebits);
            foreach (var (name, wall, cpu, bytes, pause, collections) in steps)
                sb.Append(CultureInfo.InvariantCulture, $"| {name} | {wall:0} | {cpu:0} | {bytes / 1e6:0} | {pause:0} | {collections[0]}/{collections[1]}/{collections[2]} |\n");
            sb.Append(CultureInfo.InvariantCulture, $"| total | {steps.Sum(s => s.Wall):0} | {steps.Sum(s => s.Cpu):0} | {steps.Sum(s => s.Bytes) / 1e6:0} | {steps.Sum(s => s.Pause):0} | {steps.Sum(s => s.Collections[0])}/{steps.Sum(s => s.Collections[1])}/{steps.Sum(s => s.Collections[2])} |\n\nebits {ebits}\n\n");
        }
        return sb.ToString();
    }

    private static List<(string Name, double Wall, double Cpu, long Bytes, double Pause, int[] Collections)> Compile(string qasm, int qpus, out int ebits)
    {
        var steps = new List<(string, double, double, long, double, int[])>();
        // Collections per generation (a gen-1 collection also counts as gen 0 in the runtime's tally, so each is told apart).
        static int[] Collections() => [GC.CollectionCount(0) - GC.CollectionCount(1), GC.CollectionCount(1) - GC.CollectionCount(2), GC.CollectionCount(2)];
        var diagnostics = new DiagnosticBag();
        T Step<T>(string name, Func<T> run)
        {
            long bytes = GC.GetTotalAllocatedBytes(precise: true);
            var pause = GC.GetTotalPauseDuration();
            var before = Collections();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var value = run();
            double wall = clock.Elapsed.TotalMilliseconds;
            var after = Collections();
            steps.Add((name, wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes,
                (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, [after[0] - before[0], after[1] - before[1], after[2] - before[2]]));
            if (diagnostics.HasErrors) throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
            return value;
        }
        var source = new SourceText("circuit.qasm", qasm);
        var unit = Step("parse", () => QasmSyntax.Parse(source, diagnostics))!;
        var bound = Step("bind", () =>
        {
            var program = unit.Items.OfType<ProgramDeclaration>().Single();
            var b = new ProgramBinder(source, NetworkFactory.AllToAll(qpus, int.MaxValue / 4), diagnostics).Bind(program);
            return b with { Network = NetworkFactory.AllToAll(qpus, NetworkFactory.DefaultQubitsPerQpu(b.QubitCount, qpus), commQubits: b.QubitCount) };
        });
        var circuit = Step("lower", () =>
        {
            var c = new Lowerer(bound, diagnostics).Lower()!;
            IrValidator.ThrowIfInvalid(c, "lower");
            return c;
        });
        var context = new PassContext(diagnostics, 0);
        foreach (var pass in DistributionPipeline.Create().Passes)
            circuit = Step(pass.Name, () => pass.Run(circuit, context));
        Step("validate", () =>
        {
            IrValidator.ThrowIfInvalid(circuit, "schedule");
            return 0;
        });
        ebits = DistributionReport.Ebits(circuit);
        return steps;
    }

    /// <summary>The one-minute load average (Linux), printed beside timings taken on a shared machine.</summary>
    internal static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
