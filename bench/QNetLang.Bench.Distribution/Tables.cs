using System.Globalization;
using System.Text;

namespace QNetLang.Bench.Distribution;

/// <summary>The benchmark tables of docs/benchmarks.md, measured here and now.</summary>
public static class Tables
{
    private static readonly List<string> Sections = new();

    /// <summary>A row of the literature comparison: how to make each instance, and the best published mean.</summary>
    private sealed record Row(string Family, int Qubits, int Qpus, double Published, string Source, Func<int, string> Make, int Instances);

    /// <param name="filter">Only the rows whose circuit name contains this text (all when null).</param>
    public static string Literature(int instances, string? filter = null)
    {
        var rows = new List<Row>
        {
            new("CZ-fraction 0.5", 24, 3, 36.0, "pytket-dqc, vertex cover + detached gates", s => CircuitFamilies.CzFraction(24, 0.5, s), instances),
            new("CZ-fraction 0.5", 32, 4, 79.2, "pytket-dqc, partitioning + embedding", s => CircuitFamilies.CzFraction(32, 0.5, s), instances),
            new("CZ-fraction 0.5", 50, 2, 101.0, "pytket-dqc, vertex cover", s => CircuitFamilies.CzFraction(50, 0.5, s), instances),
            new("CZ-fraction 0.9", 48, 6, 219.2, "Sundaram et al., G*-simple", s => CircuitFamilies.CzFraction(48, 0.9, s), instances),
            new("CZ-fraction 0.1", 40, 5, 20.8, "pytket-dqc, vertex cover + detached gates", s => CircuitFamilies.CzFraction(40, 0.1, s), instances),
            new("QFT without swaps", 32, 2, 15, "DISQCO MLFM-R", _ => CircuitFamilies.QftWithoutSwaps(32), 1),
            new("QFT without swaps", 32, 4, 42, "DISQCO MLFM-R", _ => CircuitFamilies.QftWithoutSwaps(32), 1),
            new("quantum volume", 32, 2, 206.8, "DISQCO MLFM-R", s => CircuitFamilies.QuantumVolume(32, s), instances),
            new("quantum volume", 32, 4, 380.4, "DISQCO MLFM-R", s => CircuitFamilies.QuantumVolume(32, s), instances),
            new("Bernstein–Vazirani", 140, 4, 3, "optimum: one copy of the target per remote QPU", _ => CircuitFamilies.BernsteinVazirani(140), 1),
            new("Bernstein–Vazirani", 280, 4, 3, "optimum: one copy of the target per remote QPU", _ => CircuitFamilies.BernsteinVazirani(280), 1),
        };
        if (filter is not null) rows.RemoveAll(r => !r.Family.Contains(filter, StringComparison.OrdinalIgnoreCase));
        var sb = new StringBuilder();
        sb.Append("| circuit | qubits | QPUs | instances | best published mean ebits | ours (mean) | ours / published | mean compile ms | source of the published number |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var results = Enumerable.Range(0, row.Instances).Select(s => DistributionRun.Run(row.Make(s), row.Qpus, seed: 0)).ToList();
            double mean = results.Average(r => r.Ebits);
            double ms = results.Average(r => r.CompileMs);
            sb.Append(CultureInfo.InvariantCulture, $"| {row.Family} | {row.Qubits} | {row.Qpus} | {row.Instances} | {row.Published:0.0} | {mean:0.0} | {mean / row.Published:0.00} | {ms:0} | {row.Source} |\n");
            Console.Error.WriteLine($"{row.Family} {row.Qubits}/{row.Qpus}: {mean:0.0} vs {row.Published} ({ms:0} ms)");
        }
        var others = new StringBuilder();
        others.Append("\n| circuit | qubits | QPUs | instances | ours (mean ebits) | mean compile ms |\n|---|---|---|---|---|---|\n");
        foreach (var (name, qubits, qpus, make) in new (string, int, int, Func<int, string>)[]
        {
            ("QAOA, one layer, G(n, 0.3)", 32, 4, s => CircuitFamilies.Qaoa(32, 0.3, s)),
            ("Cuccaro adder (15-bit operands)", 32, 4, _ => CircuitFamilies.CuccaroAdder(15)),
        })
        {
            if (filter is not null && !name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            var results = Enumerable.Range(0, instances).Select(s => DistributionRun.Run(make(s), qpus, seed: 0)).ToList();
            others.Append(CultureInfo.InvariantCulture, $"| {name} | {qubits} | {qpus} | {instances} | {results.Average(r => r.Ebits):0.0} | {results.Average(r => r.CompileMs):0} |\n");
        }
        string table = sb.ToString() + others + QasmBench(filter);
        Sections.Add(table);
        return table;
    }

    /// <summary>
    /// The QASMBench circuits of DISQCO's table (vendored under QasmBench/ with their licence),
    /// with DISQCO's best (MLFM-R) mean; for Bernstein–Vazirani the analytic bound of one copy of
    /// the target per remote QPU.
    /// </summary>
    private static string QasmBench(string? filter)
    {
        var rows = new (string File, int Qpus, double Published, string Source)[]
        {
            ("QV_n32", 2, 209.8, "DISQCO MLFM-R"),
            ("QV_n32", 4, 381.2, "DISQCO MLFM-R"),
            ("adder_n28", 4, 8.2, "DISQCO MLFM-R"),
            ("qft_n29", 2, 14, "DISQCO MLFM-R"),
            ("qft_n29", 3, 27, "DISQCO MLFM-R"),
            ("qft_n29", 4, 39, "DISQCO MLFM-R"),
            ("dnn_n33", 4, 12.6, "DISQCO MLFM-R"),
            ("qugan_n39", 4, 14.2, "DISQCO MLFM-R"),
            ("bv_n140", 4, 3, "K − 1 if every QPU held a control; the qubits the CXs touch fit on 3 QPUs, so 2 is optimal"),
            ("bv_n280", 4, 3, "K − 1 if every QPU held a control; the qubits the CXs touch fit on 3 QPUs, so 2 is optimal"),
        };
        var sb = new StringBuilder("\n| QASMBench circuit | QPUs | published ebits | ours | ours / published | compile ms | source of the published number |\n|---|---|---|---|---|---|---|\n");
        string folder = Path.Combine(FindRoot(), "bench", "QNetLang.Bench.Distribution", "QasmBench");
        foreach (var (file, qpus, published, source) in rows)
        {
            if (filter is not null && !file.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
            var r = DistributionRun.Run(File.ReadAllText(Path.Combine(folder, file + ".qasm")), qpus, seed: 0);
            sb.Append(CultureInfo.InvariantCulture, $"| {file} | {qpus} | {published:0.0} | {r.Ebits} | {r.Ebits / published:0.00} | {r.CompileMs:0} | {source} |\n");
            Console.Error.WriteLine($"{file} k{qpus}: {r.Ebits} vs {published} ({r.CompileMs:0} ms)");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Many declared qubits and one gate (`qubit[n] q; h q[0];`) on 2 QPUs, through every stage
    /// (what `qnlc check` does): the time must grow with n, not n².
    /// </summary>
    public static string DeclaredQubits()
    {
        var sb = new StringBuilder("| declared qubits | operations | QPUs | compile ms (parse → schedule) | process CPU ms |\n|---|---|---|---|---|\n");
        foreach (int qubits in new[] { 25_000, 50_000, 100_000, 200_000 })
        {
            string qasm = $"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[{qubits}] q;\nh q[0];\n";
            var r = DistributionRun.Run(qasm, 2, seed: 0, stopAfter: QNetLang.Compiler.CompilerStage.Schedule);
            sb.Append(CultureInfo.InvariantCulture, $"| {qubits} | {r.Gates} | 2 | {r.CompileMs:0} | {r.CpuMs:0} |\n");
        }
        return sb.ToString();
    }

    /// <summary>The stages and passes of one compile (parse → schedule), with the process CPU time.</summary>
    public static string Profile(string what, int qpus, int rounds = 2)
    {
        string qasm = what == "cz48" ? CircuitFamilies.CzFraction(48, 0.9, 0) : RandomCircuit(200, int.Parse(what, CultureInfo.InvariantCulture), 7);
        var sb = new StringBuilder();
        for (int round = 0; round < rounds; round++)
        {
            var r = DistributionRun.Run(qasm, qpus, seed: 0, stopAfter: QNetLang.Compiler.CompilerStage.Schedule);
            sb.Append(CultureInfo.InvariantCulture, $"round {round}: {r.CompileMs:0} ms wall, {r.CpuMs:0} ms CPU, ebits {r.Ebits}: ");
            sb.AppendJoin(", ", r.Stages.Select(s => $"{s.Name} {s.Milliseconds:0}"));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The partitioner's inner loop alone: the exact telegate cost of 3000 one-qubit changes of a
    /// partitioned 48-qubit, 6-QPU CZ-0.9 instance, in processor time of the whole process, best of
    /// seven rounds (on a shared machine the least disturbed round is the nearest to the work
    /// itself). The checksum (the sum of the costs) must not change when the cover gets faster.
    /// </summary>
    public static string CoverCosts()
    {
        var circuit = LoweredCz48();
        var problem = new QNetLang.Distribution.Partitioning.PartitionProblem(circuit, new QNetLang.Distribution.NetworkDistances(circuit.Network));
        var placement = QNetLang.Distribution.Partitioning.Partitioner.Partition(problem, 0);
        var sb = new StringBuilder();
        double best = double.MaxValue;
        for (int round = 0; round < 7; round++)
        {
            var random = new Random(1);
            long checksum = 0;
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < 3000; i++)
            {
                int q = random.Next(placement.Length), old = placement[q];
                placement[q] = random.Next(6);
                checksum += problem.TrueCost(placement);
                placement[q] = old;
            }
            double ms = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            best = Math.Min(best, ms);
            sb.Append(CultureInfo.InvariantCulture, $"round {round}: {ms:0} ms CPU, checksum {checksum}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"best: {best:0} ms CPU for 3000 exact costs ({best / 3:0.0} µs each); load {StageProfile.Load()}\n");
        return sb.ToString();
    }

    /// <summary>
    /// The whole placement search alone (multilevel restarts, then the local search over exact
    /// costs) on the 48-qubit, 6-QPU CZ-0.9 instance, seven rounds: processor time of the process
    /// (the restarts run on every core) and wall time, best round of each. The placement's exact
    /// cost is the checksum: a change that only makes the search faster must leave it as it is.
    /// </summary>
    public static string SearchTimes()
    {
        var circuit = LoweredCz48();
        var sb = new StringBuilder();
        double bestCpu = double.MaxValue, bestWall = double.MaxValue;
        for (int round = 0; round < 7; round++)
        {
            var problem = new QNetLang.Distribution.Partitioning.PartitionProblem(circuit, new QNetLang.Distribution.NetworkDistances(circuit.Network));
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var wall = System.Diagnostics.Stopwatch.StartNew();
            var placement = QNetLang.Distribution.Partitioning.Partitioner.Partition(problem, 0);
            double wallMs = wall.Elapsed.TotalMilliseconds;
            double cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            bestCpu = Math.Min(bestCpu, cpuMs);
            bestWall = Math.Min(bestWall, wallMs);
            sb.Append(CultureInfo.InvariantCulture, $"round {round}: {wallMs:0} ms wall, {cpuMs:0} ms CPU, placement cost {problem.TrueCost(placement)}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"best: {bestWall:0} ms wall, {bestCpu:0} ms CPU; load {StageProfile.Load()}\n");
        return sb.ToString();
    }

    /// <summary>The 48-qubit, 6-QPU CZ-0.9 instance 0, lowered: what the partitioner benchmarks start from.</summary>
    private static QNetLang.Ir.Circuit LoweredCz48()
    {
        string qasm = CircuitFamilies.CzFraction(48, 0.9, 0);
        var compiled = QNetLang.Compiler.QnCompiler.CompileText("cz48.qasm", qasm, new QNetLang.Compiler.CompilationOptions { QpuCount = 6, StopAfter = QNetLang.Compiler.CompilerStage.Lower });
        return compiled.Circuits[0];
    }

    public static string Scaling()
    {
        var sb = new StringBuilder("| gates | two-qubit gates | qubits | QPUs | ebits | compile ms (parse → distribute) | process CPU ms |\n|---|---|---|---|---|---|---|\n");
        double? previous = null;
        double previousCpu = 1;
        // Up to 500 000 two-qubit gates (1 000 000 gates in all), the size the goal is stated for.
        foreach (int gates in new[] { 250_000, 500_000, 1_000_000 })
        {
            string qasm = RandomCircuit(200, gates, 7);
            var r = DistributionRun.Run(qasm, 8, seed: 0);
            sb.Append(CultureInfo.InvariantCulture, $"| {gates} | {r.TwoQubitGates} | 200 | 8 | {r.Ebits} | {r.CompileMs:0} | {r.CpuMs:0} |\n");
            if (previous is { } p) Console.Error.WriteLine($"doubling ratio {r.CompileMs / p:0.00} (CPU {r.CpuMs / previousCpu:0.00})");
            previous = r.CompileMs;
            previousCpu = r.CpuMs;
        }
        return sb.ToString();
    }

    /// <summary>A random circuit of H, T, RZ and CX/CZ gates (half of them two-qubit), for the scaling runs.</summary>
    public static string RandomCircuit(int qubits, int gates, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n").Append("qubit[").Append(qubits).Append("] q;\n");
        string[] single = ["h", "t", "s", "x"];
        for (int i = 0; i < gates; i++)
        {
            if (random.Next(2) == 0)
            {
                sb.Append(single[random.Next(single.Length)]).Append(" q[").Append(random.Next(qubits)).Append("];\n");
                continue;
            }
            int a = random.Next(qubits), b = random.Next(qubits - 1);
            if (b >= a) b++;
            sb.Append(random.Next(2) == 0 ? "cx" : "cz").Append(" q[").Append(a).Append("], q[").Append(b).Append("];\n");
        }
        return sb.ToString();
    }

    public static void WriteToDocs()
    {
        string path = Path.Combine(FindRoot(), "docs", "benchmarks.md");
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        const string start = "<!-- distribution-table:start -->", end = "<!-- distribution-table:end -->";
        string block = start + "\n" + string.Join("\n", Sections) + end;
        int i = text.IndexOf(start, StringComparison.Ordinal), j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i ? text[..i] + block + text[(j + end.Length)..] : text + "\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
