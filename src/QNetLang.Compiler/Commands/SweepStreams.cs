using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Figures;
using QNetLang.Simulation.Network;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// `qnlc sweep NET.qn --stream A,B --duration S --set ...`: the pair-stream workload
/// (docs/simulator.md §13) at every point of the grid instead of a program, for what only a
/// stream measures: how many pairs a network delivers per second when requests follow each
/// other (a program's shot asks once and waits). Each point runs --shots independent streams
/// for S simulated seconds; its figures, with standard errors over the streams, are
/// <c>pair_rate</c> (pairs per second), <c>fidelity</c> (mean over the pairs) and
/// <c>rate_per_memory</c> (pair_rate over the memories of one repeater on the route, their
/// mean; the ends' when there is none), written and plotted as a program's figures are.
/// </summary>
public static class SweepStreams
{
    public static int Run(SweepRequest request, IReadOnlyList<SweepParameter> parameters, List<IReadOnlyList<ParameterOverride>> grid, TextWriter stdout, TextWriter stderr)
    {
        var ends = request.Stream!.Split(',', StringSplitOptions.TrimEntries);
        if (ends.Length != 2 || ends.Any(e => e.Length == 0)) return Driver.BadCommandLine(stderr, $"--stream needs two node names, as A,B; found '{request.Stream}'");
        if (request.StreamSeconds is not (> 0 and var seconds) || !double.IsFinite(seconds)) return Driver.BadCommandLine(stderr, "a sweep with --stream needs --duration SECONDS > 0 (the rate is pairs over that time)");
        if (request.Cluster is not null) return Driver.BadCommandLine(stderr, "--stream sweeps run locally; --cluster runs program sweeps");

        var plain = Compile(request, []);
        foreach (var diagnostic in DiagnosticCondenser.Condense(plain.Diagnostics.Items)) stderr.WriteLine(diagnostic.ToString());
        if (!plain.Success) return ExitCodes.InputErrors;
        if (plain.Networks.Count != 1) return Driver.BadCommandLine(stderr, $"a --stream sweep runs one network; '{request.InputPath}' has {plain.Networks.Count}");
        foreach (var parameter in parameters)
            if (SweepDriver.DescribeNetworkTarget(parameter.Target, plain.Networks[0]) is { } problem) return Driver.BadCommandLine(stderr, problem);

        var points = new SweepPoint?[grid.Count];
        var problems = new List<string>?[grid.Count];
        Parallel.For(0, grid.Count, new ParallelOptions { MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount }, i =>
        {
            var compiled = Compile(request, grid[i]);
            var messages = DiagnosticCondenser.Condense(compiled.Diagnostics.Items).Select(d => d.ToString()).ToList();
            if (compiled.Success)
            {
                try
                {
                    points[i] = Point(grid[i], compiled.Networks[0], ends, seconds, request);
                }
                catch (AggregateException ex) when (ex.InnerException is SimulationLimitException limit)
                {
                    messages.Add(limit.ToDiagnostic().ToString());
                }
                catch (SimulationLimitException limit)
                {
                    messages.Add(limit.ToDiagnostic().ToString());
                }
            }
            problems[i] = messages;
        });
        for (int i = 0; i < grid.Count; i++)
        {
            if (problems[i]!.Count == 0 && points[i] is not null) continue;
            string at = string.Join(", ", grid[i].Select(v => $"{v.Target}={v.Text}"));
            foreach (string problem in problems[i]!) stderr.WriteLine($"at {at}: {problem}");
            if (points[i] is null) return ExitCodes.InputErrors;
        }
        return SweepDriver.Finish(request, parameters, [.. points.Select(p => p!)], null, stdout, stderr);
    }

    private static CompilationResult Compile(SweepRequest request, IReadOnlyList<ParameterOverride> overrides) =>
        QnCompiler.Compile(request.InputPath, new CompilationOptions
        {
            StopAfter = CompilerStage.Schedule,
            Seed = unchecked((int)request.Seed),
            ParameterOverrides = overrides,
            RequireProgram = false,
        });

    private static SweepPoint Point(IReadOnlyList<ParameterOverride> values, Network network, string[] ends, double seconds, SweepRequest request)
    {
        var stream = PairStream.Execute(network, new PairStream.Options
        {
            From = ends[0],
            To = ends[1],
            DurationSeconds = seconds,
            Seed = request.Seed,
            Runs = request.Shots,
            Location = new Location(new SourceText(request.InputPath, ""), default),
        });
        double memories = Memories(network, stream.Route);
        var rates = stream.Runs.Select(r => r.Pairs / seconds).ToList();
        var fidelities = stream.Runs.Where(r => r.Pairs > 0).Select(r => r.MeanFidelity).ToList();
        var (rate, rateError) = MeanAndError(rates);
        var (_, fidelityError) = MeanAndError(fidelities);
        var result = new RunResult
        {
            Program = $"stream {stream.From},{stream.To}",
            Network = network.Name,
            Shots = request.Shots,
            Seed = request.Seed,
            Engine = EngineKind.Auto,
            Registers = [],
            Counts = new SortedDictionary<string, long>(StringComparer.Ordinal),
            Ebits = 0,
            MeanTimePs = SimTime.FromSeconds(seconds),
            Pairs = [],
            Notes = [],
            Figures =
            [
                new FigureValue("pair_rate", rate, rateError),
                new FigureValue("fidelity", fidelities.Count == 0 ? double.NaN : stream.MeanFidelity, fidelityError),
                new FigureValue("rate_per_memory", rate / memories, rateError / memories),
            ],
        };
        return new SweepPoint(values, network, null, result);
    }

    /// <summary>The mean memories of the route's repeaters (physical qubits: an encoded generation's blocks live in them); the ends' when the route has none.</summary>
    private static double Memories(Network network, IReadOnlyList<string> route)
    {
        var inner = route.Skip(1).SkipLast(1).Select(n => network.FindNode(n)!).Where(n => n.Kind == NodeKind.Repeater).ToList();
        var counted = inner.Count > 0 ? inner : [network.FindNode(route[0])!, network.FindNode(route[^1])!];
        return counted.Average(n => (double)NodeSpec.CommQubitsOf(n));
    }

    private static (double Mean, double StdErr) MeanAndError(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0) return (double.NaN, double.NaN);
        double mean = samples.Average();
        if (samples.Count == 1) return (mean, double.NaN);
        double variance = samples.Sum(x => (x - mean) * (x - mean)) / (samples.Count - 1);
        return (mean, Math.Sqrt(variance / samples.Count));
    }
}
