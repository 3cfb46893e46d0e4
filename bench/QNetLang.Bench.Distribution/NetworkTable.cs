using System.Diagnostics;
using System.Globalization;
using System.Text;
using QNetLang.Compiler;
using QNetLang.Distribution;
using QNetLang.Ir;

namespace QNetLang.Bench.Distribution;

/// <summary>
/// `-- networks`: the literature's circuit families on pytket-dqc's heterogeneous network
/// families (random, scale-free, small-world) and on the same QPUs joined all-to-all.
/// </summary>
public static class NetworkTable
{
    /// <summary>One compile on one network: end-to-end Bell pairs, the elementary link pairs they take, copies closed early for want of communication qubits, and pairs routed over more links than the shortest route.</summary>
    public sealed record Result(int Ebits, int LinkPairs, int Evictions, int LongerThanShortest, double CompileMs);

    private static readonly string Work = Path.Combine(Path.GetTempPath(), "qnlc-bench-networks-" + Environment.ProcessId);

    /// <summary>
    /// Compiles <paramref name="qasm"/> on <paramref name="network"/> (written as a .qn file and
    /// passed as `--network` would be) through the schedule, validating the IR after every pass;
    /// throws when the compiler reports an error, so a bad run cannot reach the table.
    /// </summary>
    public static Result Run(string qasm, ServerNetwork network, int seed)
    {
        Directory.CreateDirectory(Work);
        string circuitPath = Path.Combine(Work, "circuit.qasm"), networkPath = Path.Combine(Work, "network.qn");
        File.WriteAllText(circuitPath, qasm);
        File.WriteAllText(networkPath, network.ToQn("bench"));
        var options = new CompilationOptions { NetworkFile = networkPath, Seed = seed, StopAfter = CompilerStage.Schedule, ValidateAfterEachPass = true };
        var clock = Stopwatch.StartNew();
        var result = QnCompiler.Compile(circuitPath, options);
        double ms = clock.Elapsed.TotalMilliseconds;
        if (!result.Success)
            throw new InvalidOperationException($"{network.Family} seed {network.Seed}:\n{network.ToQn("bench")}\n" + string.Join("\n", result.Diagnostics.Items));
        var program = result.Distributed.Single();
        var distances = new NetworkDistances(program.Circuit.Network);
        int longer = 0;
        foreach (var epr in program.Circuit.AllOperations().OfType<EprOperation>())
        {
            if (epr.Path.Length < 2) throw new InvalidOperationException($"an unrouted Bell pair on the {network.Family} network, seed {network.Seed}");
            int shortest = distances.Hops(distances.IndexOf(epr.Path[0]), distances.IndexOf(epr.Path[^1]));
            if (epr.Path.Length - 1 > shortest) longer++;
        }
        return new Result(DistributionReport.Ebits(program.Circuit), DistributionReport.LinkPairs(program.Circuit), program.Context.Statistics.Evictions, longer, ms);
    }

    private sealed record Row(string Circuit, int Qubits, int Qpus, Func<int, string> Make, bool Seeded);

    /// <param name="filter">Only the rows whose circuit name contains this text (all when null).</param>
    public static string Build(int instances, string? filter = null)
    {
        var rows = new List<Row>
        {
            new("CZ-fraction 0.5", 32, 4, s => CircuitFamilies.CzFraction(32, 0.5, s), true),
            new("CZ-fraction 0.5", 48, 8, s => CircuitFamilies.CzFraction(48, 0.5, s), true),
            new("CZ-fraction 0.9", 48, 6, s => CircuitFamilies.CzFraction(48, 0.9, s), true),
            new("CZ-fraction 0.1", 40, 5, s => CircuitFamilies.CzFraction(40, 0.1, s), true),
            new("QFT without swaps", 32, 4, _ => CircuitFamilies.QftWithoutSwaps(32), false),
            new("quantum volume", 32, 4, s => CircuitFamilies.QuantumVolume(32, s), true),
        };
        if (filter is not null) rows.RemoveAll(r => !r.Circuit.Contains(filter, StringComparison.OrdinalIgnoreCase));
        var sb = new StringBuilder();
        // pytket-dqc's cost() ignores the ebit memory (it is checked only when a distribution is
        // written out as a circuit), so the first table, with communication qubits that never run
        // out, is the one to set beside its numbers; the second holds every QPU to that memory.
        sb.Append("*Communication qubits: as many as the circuit has qubits (never run out, as with `--qpus K`).*\n\n");
        Section(sb, rows, instances, (net, qubits) => net with { CommQubits = qubits });
        sb.Append("\n*Communication qubits: pytket-dqc's ebit memory, max(⌊(n − 1)/K⌋, 2) per QPU.*\n\n");
        Section(sb, rows, instances, (net, _) => net);
        sb.Append(CultureInfo.InvariantCulture, $"\n{instances} instance(s) per family and row; load average at the end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, List<Row> rows, int instances, Func<ServerNetwork, int, ServerNetwork> comm)
    {
        sb.Append("| circuit | qubits | QPUs | network | links (mean) | QPU distance (mean) | ebits, end to end (mean) | link pairs (mean) | hops per pair | link pairs / all-to-all ebits | evictions (mean) | longer than shortest route | compile ms (mean) |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            // Instance s: circuit seed s (when the family is random) and network seed s. Every
            // generator draws the capacities first from its seed, so the three families of one
            // instance have the same QPUs and share one all-to-all twin.
            var families = NetworkFamilies.Names.Select(f => (Name: f, Runs: new List<(ServerNetwork Net, Result Sparse, Result Dense)>())).ToList();
            var denseRuns = new List<Result>();
            for (int s = 0; s < instances; s++)
            {
                string qasm = row.Make(row.Seeded ? s : 0);
                var networks = families.Select(f => comm(NetworkFamilies.Make(f.Name, row.Qpus, row.Qubits, s), row.Qubits)).ToList();
                if (networks.Any(n => !n.Capacities.SequenceEqual(networks[0].Capacities) || n.CommQubits != networks[0].CommQubits))
                    throw new InvalidOperationException("the families of one seed should have the same QPUs");
                var dense = Run(qasm, networks[0].AllToAll(), seed: 0);
                denseRuns.Add(dense);
                for (int f = 0; f < families.Count; f++)
                {
                    var sparse = Run(qasm, networks[f], seed: 0);
                    families[f].Runs.Add((networks[f], sparse, dense));
                    Console.Error.WriteLine($"{row.Circuit} {row.Qubits}/{row.Qpus} comm {networks[f].CommQubits} {families[f].Name} #{s}: ebits {sparse.Ebits}, link pairs {sparse.LinkPairs}, evictions {sparse.Evictions} (all-to-all {dense.Ebits}, evictions {dense.Evictions}); {sparse.CompileMs:0} / {dense.CompileMs:0} ms");
                }
            }
            foreach (var (name, runs) in families)
            {
                double links = runs.Average(r => r.Net.Edges.Length), distance = runs.Average(r => r.Net.MeanDistance());
                double ebits = runs.Average(r => r.Sparse.Ebits), pairs = runs.Average(r => r.Sparse.LinkPairs), dense = runs.Average(r => r.Dense.Ebits);
                double hops = runs.Sum(r => r.Sparse.LinkPairs) / (double)Math.Max(1, runs.Sum(r => r.Sparse.Ebits));
                sb.Append(CultureInfo.InvariantCulture,
                    $"| {row.Circuit} | {row.Qubits} | {row.Qpus} | {name} | {links:0.0} | {distance:0.00} | {ebits:0.0} | {pairs:0.0} | {hops:0.00} | {pairs / dense:0.00} | {runs.Average(r => r.Sparse.Evictions):0.0} | {runs.Sum(r => r.Sparse.LongerThanShortest)} | {runs.Average(r => r.Sparse.CompileMs):0} |\n");
            }
            sb.Append(CultureInfo.InvariantCulture,
                $"| {row.Circuit} | {row.Qubits} | {row.Qpus} | all-to-all, same QPUs | {row.Qpus * (row.Qpus - 1) / 2:0.0} | 1.00 | {denseRuns.Average(r => r.Ebits):0.0} | {denseRuns.Average(r => r.LinkPairs):0.0} | {denseRuns.Sum(r => r.LinkPairs) / (double)Math.Max(1, denseRuns.Sum(r => r.Ebits)):0.00} | 1.00 | {denseRuns.Average(r => r.Evictions):0.0} | {denseRuns.Sum(r => r.LongerThanShortest)} | {denseRuns.Average(r => r.CompileMs):0} |\n");
        }
    }
}
