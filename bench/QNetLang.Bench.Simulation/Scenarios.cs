using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;
using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.Simulation;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Network;
using QNetLang.Simulation.Tests;

namespace QNetLang.Bench.Simulation;

/// <summary>
/// The plain Stopwatch scenario runner behind docs/benchmarks.md ("Simulator"): each scenario
/// prints one Markdown table, so the output can be pasted into the docs as it is.
/// </summary>
public static class Scenarios
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        int maxQubits = 26;
        string? only = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--max-qubits" && i + 1 < args.Length) maxQubits = int.Parse(args[++i], Inv);
            else if (args[i] == "--only" && i + 1 < args.Length) only = args[++i];
        }
        Machine();
        if (only is null or "statevector") StateVector(maxQubits);
        if (only is null or "chain") Chain();
        if (only is null or "teleportation") Teleportation();
        if (only is null or "telegates") Telegates();
        if (only is null or "quisp") Quisp();
        if (only is null or "sequence") Sequence();
        return 0;
    }

    private static void Machine()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : RuntimeInformation.ProcessArchitecture.ToString();
        double gib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30);
        Console.WriteLine($"## Machine\n\n{cpu}; {Environment.ProcessorCount} cores; {gib:0.#} GiB; {RuntimeInformation.OSDescription}; .NET {Environment.Version}; AVX2 {Avx2.IsSupported}, AVX-512 {Avx512F.IsSupported}\n");
    }

    /// <summary>Single-qubit gate sweeps (H on every qubit in turn) against copying the same array.</summary>
    private static void StateVector(int maxQubits)
    {
        Console.WriteLine("## State vector: single-qubit gate sweeps vs memory bandwidth\n");
        Console.WriteLine("| qubits | state | ns per gate | gate GB/s (read+write) | copy GB/s, 1 thread | copy GB/s, all cores | gate / best copy |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var h = GateCatalog.Get("h");
        var hm = h.Unitary([]);
        for (int n = 20; n <= maxQubits; n += 2)
        {
            double bytes = 2.0 * 16 * (1L << n); // every amplitude read and written once
            var (copy1, copyN) = CopyTimes(1 << n);
            var engine = new StateVectorEngine(n);
            var slots = Enumerable.Range(0, n).Select(_ => engine.Allocate()).ToArray();
            int sweeps = 0;
            var clock = Stopwatch.StartNew();
            do
            {
                foreach (int s in slots) engine.ApplyGate(h, hm, [s]);
                sweeps++;
            }
            while (clock.Elapsed.TotalSeconds < 2);
            double perGate = clock.Elapsed.TotalSeconds / (sweeps * n);
            double gateRate = bytes / perGate / 1e9;
            double best = Math.Max(bytes / copy1, bytes / copyN) / 1e9;
            Console.WriteLine(string.Format(Inv, "| {0} | {1} | {2:0} | {3:0.0} | {4:0.0} | {5:0.0} | {6:P0} |",
                n, Size(16L << n), perGate * 1e9, gateRate, bytes / copy1 / 1e9, bytes / copyN / 1e9, gateRate / best));
        }
        Console.WriteLine();
    }

    /// <summary>The yardstick: copying an array of the same size, on one thread and split over all cores.</summary>
    private static (double Single, double Parallel) CopyTimes(int length)
    {
        var source = new Complex[length];
        var target = new Complex[length];
        for (int i = 0; i < length; i += 4096) source[i] = i; // touch every page before timing
        double single = Best(() => Array.Copy(source, target, length));
        int threads = Environment.ProcessorCount;
        double parallel = Best(() => Parallel.For(0, threads, t =>
        {
            int from = (int)((long)length * t / threads), to = (int)((long)length * (t + 1) / threads);
            Array.Copy(source, from, target, from, to - from);
        }));
        return (single, parallel);
    }

    private static double Best(Action action)
    {
        action();
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static string Size(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GiB" : $"{bytes / (double)(1L << 20):0} MiB";

    /// <summary>End-to-end pairs over a 1000-node chain (999 links, 998 repeaters swapping in nested order).</summary>
    private static void Chain()
    {
        Console.WriteLine("## Network: 1000-node repeater chain\n");
        Console.WriteLine("| swap success | pairs | simulated time | events | wall time | events/s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (double swap in new[] { 1.0, 0.9 })
        {
            var network = Network(ChainSource(1000, $"swap_success = {swap.ToString(Inv)};", "length = 1 km; success = 0.5; rate = 1 MHz; fidelity = 0.99;"));
            int pairs = swap == 1.0 ? 1000 : 50;
            PairStream.Execute(network, new PairStream.Options { From = "n0", To = "n999", Pairs = 5, Runs = 1, Seed = 2 }); // JIT warm-up
            var result = PairStream.Execute(network, new PairStream.Options { From = "n0", To = "n999", Pairs = pairs, Runs = 1, Seed = 1 });
            Console.WriteLine(string.Format(Inv, "| {0} | {1} | {2:0.###} s | {3:N0} | {4:0.00} s | {5:N0} |",
                swap, pairs, result.MeanEndSeconds, result.Events, result.WallSeconds, result.Events / result.WallSeconds));
        }
        Console.WriteLine();
    }

    private static string ChainSource(int nodes, string repeater, string link, string ends = "comm = 1;")
    {
        var sb = new StringBuilder("network chain {\n");
        for (int i = 0; i < nodes; i++)
            sb.Append(i == 0 || i == nodes - 1 ? $"  qpu n{i} {{ qubits = 1; {ends} }}\n" : $"  repeater n{i} {{ {repeater} }}\n");
        for (int i = 0; i + 1 < nodes; i++) sb.Append($"  link n{i} -- n{i + 1} {{ {link} }}\n");
        return sb.Append("}\n").ToString();
    }

    /// <summary>Shots per second of examples/teleportation.qn (density-matrix engine, noisy links and memories).</summary>
    private static void Teleportation()
    {
        Console.WriteLine("## Teleportation protocol: shots per second\n");
        Console.WriteLine("| program | engine | threads | shots | wall time | shots/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        string path = Path.Combine(RepoRoot(), "examples", "teleportation.qn");
        var result = QnCompiler.Compile(path, new CompilationOptions());
        var circuit = result.Distributed.Single().Program!;
        foreach (var engine in new[] { EngineKind.Auto, EngineKind.StateVector })
            foreach (int threads in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                const int shots = 100_000;
                Simulator.RunOrThrow(circuit, new RunOptions { Shots = 1000, Engine = engine, Threads = threads });
                var clock = Stopwatch.StartNew();
                var run = Simulator.RunOrThrow(circuit, new RunOptions { Shots = shots, Seed = 1, Engine = engine, Threads = threads });
                double wall = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Format(Inv, "| teleportation.qn | {0} | {1} | {2:N0} | {3:0.00} s | {4:N0} |", EngineSelector.Name(run.Engine), threads, shots, wall, shots / wall));
            }
        Console.WriteLine();
    }

    /// <summary>
    /// A distributed circuit with telegates: QASMBench's 15-qubit multiplier on three QPUs
    /// (`qnlc run multiplier_n15.qasm --qpus 3`), run by the per-shot engine and with shared
    /// branches. The per-shot engine runs 200 shots (about a minute); its time for 4 000 is
    /// scaled from them, since its shots all cost the same.
    /// </summary>
    private static void Telegates()
    {
        Console.WriteLine("## Distributed circuit with telegates: multiplier_n15 on 3 QPUs\n");
        Console.WriteLine("| engine path | threads | shots run | wall time | ms per shot | time for 4,000 shots | speed-up |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        string path = Path.Combine(RepoRoot(), "bench", "QNetLang.Bench.Simulation", "circuits", "multiplier_n15.qasm");
        var result = QnCompiler.Compile(path, new CompilationOptions { QpuCount = 3 });
        var circuit = result.Distributed.Single().Program!;
        int threads = Environment.ProcessorCount;
        Simulator.RunOrThrow(circuit, new RunOptions { Shots = 2, ShareBranches = false }); // JIT warm-up
        Simulator.RunOrThrow(circuit, new RunOptions { Shots = 2 });
        double perShotAlone = Time(circuit, 200, share: false, threads);
        Row("per shot (today's path)", 200, perShotAlone, 1);
        double perShotShared = Time(circuit, 4000, share: true, threads);
        Row("shared branches", 4000, perShotShared, perShotAlone / perShotShared);
        Console.WriteLine();

        void Row(string name, int shots, double perShot, double speedUp) =>
            Console.WriteLine(string.Format(Inv, "| {0} | {1} | {2:N0} | {3:0.00} s | {4:0.000} | {5:0.0} s | {6:0.#}× |",
                name, threads, shots, perShot * shots, perShot * 1e3, perShot * 4000, speedUp));
    }

    /// <summary>Wall seconds per shot of one run.</summary>
    private static double Time(DistributedProgram circuit, int shots, bool share, int threads)
    {
        var clock = Stopwatch.StartNew();
        Simulator.RunOrThrow(circuit, new RunOptions { Shots = shots, Seed = 1, Threads = threads, ShareBranches = share });
        return clock.Elapsed.TotalSeconds / shots;
    }

    /// <summary>The QuISP cross-validation scenario: 1000 pairs over 10 km + 10 km with a midpoint BSA.</summary>
    private static void Quisp()
    {
        Console.WriteLine("## QuISP scenario: time to generate 1000 pairs (100 runs each)\n");
        Console.WriteLine("| memories | qnlc (mean of 100 runs) | QuISP measured | analytic (QuISP) | wall time, 100 runs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        (int M, double Measured, double Analytic)[] rows = [(1, 0.4818, 0.48293), (2, 0.2417, 0.24159), (32, 0.01517, 0.015329)];
        foreach (var (m, measured, analytic) in rows)
        {
            var network = Network($$"""
                network quisp {
                    fiber_speed = 208189.2 km/s;
                    qpu alice { qubits = 1; comm = {{m}}; }
                    qpu bob   { qubits = 1; comm = {{m}}; }
                    link alice -- bob { length = 10 km; success = 0.5 * 10 ** (-0.2 * 20 / 10); }
                }
                """);
            var result = PairStream.Execute(network, new PairStream.Options { From = "alice", To = "bob", Pairs = 1000, Runs = 100, Seed = 17 });
            Console.WriteLine(string.Format(Inv, "| {0} | {1:0.00000} s | {2} s | {3} s | {4:0.00} s |", m, result.MeanEndSeconds, measured, analytic, result.WallSeconds));
        }
        Console.WriteLine();
    }

    /// <summary>
    /// The SeQUeNCe linear-chain scenario written for QNetLang (SequenceScenario.Source, which
    /// says where each input comes from): routers 10 km apart, raw Werner pairs of F = 0.9,
    /// memories paired by a 1 ms request and then 3.025 ms single-heralded attempts of success
    /// 0.5·η_A·η_B, 1 ms classical messages between any two routers, 2 ms swap handshakes in
    /// SeQUeNCe's doubling order, memories decaying as SeQUeNCe's, 2 s cutoff, M pooled memories
    /// per link end, pairs requested between the end routers for 1 s. Two references: SeQUeNCe
    /// 1.0 run on this machine by bench/sequence/sequence_chain.py, whose output per seed is
    /// bench/sequence/sequence-1.0-results.jsonl (mean ± s.e. over its seeds, process CPU time per
    /// run), and the means the reviewer measured (no standard errors given).
    /// </summary>
    private static void Sequence()
    {
        Console.WriteLine("## SeQUeNCe linear chain: end-to-end pairs in 1 s of simulated time\n");
        Console.WriteLine("| routers N | memories M | pairs (qnlc, mean ± s.e. of 40 runs) | pairs (SeQUeNCe 1.0 here, mean ± s.e., seeds) | difference in joint s.e. | pairs (SeQUeNCe, reviewer) | difference in qnlc s.e. | fidelity (qnlc) | fidelity (SeQUeNCe here / reviewer) | CPU time per run (qnlc) | CPU time per run (SeQUeNCe here) | speed-up (CPU) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // SeQUeNCe re-run here: one JSON line per seed from bench/sequence/sequence_chain.py; the reviewer's means.
        var rerun = File.ReadLines(Path.Combine(RepoRoot(), "bench", "sequence", "sequence-1.0-results.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .GroupBy(e => (N: e.GetProperty("N").GetInt32(), M: e.GetProperty("M").GetInt32()))
            .ToDictionary(g => g.Key, g => g.ToList());
        (int N, int M, double ReviewerPairs, string ReviewerFidelity)[] rows =
        [
            (3, 1, 47.7, "0.800"), (10, 1, 26.4, "0.415"), (50, 1, 19.4, "0.250"),
            (3, 4, 223.8, "0.800"), (10, 4, 134.9, "0.415"), (50, 4, 100.5, "0.250"),
        ];
        // JIT warm-up, so that the first row's time is not the compiler's.
        PairStream.Execute(Network(SequenceScenario.Source(3, 1)), new PairStream.Options { From = "n0", To = "n2", DurationSeconds = 1, Runs = 2, Seed = 7 });
        foreach (var (n, m, reviewerPairs, reviewerFidelity) in rows)
        {
            var seeds = rerun[(n, m)];
            var theirCounts = seeds.Select(e => e.GetProperty("pairs").GetDouble()).ToArray();
            double theirPairs = theirCounts.Average();
            double theirError = Math.Sqrt(theirCounts.Sum(c => (c - theirPairs) * (c - theirPairs)) / (theirCounts.Length - 1) / theirCounts.Length);
            string theirFidelity = seeds.Average(e => e.GetProperty("fid").GetDouble()).ToString("0.000", Inv);
            double theirCpu = seeds.Average(e => e.GetProperty("cpu").GetDouble());
            var network = Network(SequenceScenario.Source(n, m));
            // Five runs alone for the time of one (one core): the process's CPU time per run, which
            // other builds on a shared machine do not inflate; then forty runs for the statistics.
            const int timed = 5;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (int t = 0; t < timed; t++)
                PairStream.Execute(network, new PairStream.Options { From = "n0", To = $"n{n - 1}", DurationSeconds = 1, Runs = 1, Seed = 99 + t });
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / timed;
            const int runs = 40;
            var result = PairStream.Execute(network, new PairStream.Options { From = "n0", To = $"n{n - 1}", DurationSeconds = 1, Runs = runs, Seed = 1 });
            double mean = result.MeanPairs;
            double standardError = Math.Sqrt(result.Runs.Sum(r => (r.Pairs - mean) * (r.Pairs - mean)) / (runs - 1) / runs);
            double joint = Math.Round((mean - theirPairs) / Math.Sqrt(standardError * standardError + theirError * theirError), 1);
            double ours = Math.Round((mean - reviewerPairs) / standardError, 1);
            Console.WriteLine(string.Format(Inv, "| {0} | {1} | {2:0.0} ± {3:0.0} | {4:0.0} ± {5:0.0} ({15}) | {6:+0.0;−0.0;0.0} | {7} | {8:+0.0;−0.0;0.0} | {9:0.000} | {10} / {11} | {12:0.0000} s | {13:0.00} s | {14:N0}× |",
                n, m, mean, standardError, theirPairs, theirError, joint, reviewerPairs, ours, result.MeanFidelity, theirFidelity, reviewerFidelity, cpu, theirCpu, theirCpu / cpu, theirCounts.Length));
        }
        Console.WriteLine();
    }

    private static QNetLang.Ir.Network Network(string source)
    {
        string path = Path.Combine(Path.GetTempPath(), "qnl-bench-" + Guid.NewGuid().ToString("N") + ".qn");
        File.WriteAllText(path, source);
        try
        {
            var result = QnCompiler.Compile(path, new CompilationOptions { RequireProgram = false });
            if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Items));
            return result.Networks.Single();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
