using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation;

namespace QNetLang.Compiler.Commands;

/// <summary>One point of a sweep: its parameter values, its network, the program run there (null for a `--stream` sweep) and its result.</summary>
public sealed record SweepPoint(IReadOnlyList<ParameterOverride> Values, Network Network, DistributedProgram? Program, RunResult Result);

/// <summary>
/// `qnlc sweep FILE --set TARGET=VALUES ... -o DIR`: compiles and runs the program at every
/// point of the grid the `--set`s span (the first parameter outermost), and writes
/// DIR/sweep.csv, DIR/sweep.json and a plot per figure (<see cref="SweepOutput"/>,
/// <see cref="SweepPlots"/>). Every point runs with the same seed on one thread, points run in
/// parallel and are written in grid order, so the output is the same on any number of cores.
/// </summary>
public static class SweepDriver
{
    public static int Run(SweepRequest request, TextWriter stdout, TextWriter stderr)
    {
        var parameters = new List<SweepParameter>();
        foreach (string setting in request.Settings)
        {
            if (SweepParameter.Parse(setting, out string? error) is not { } parameter) return Driver.BadCommandLine(stderr, error!);
            if (parameters.Any(p => p.Target == parameter.Target)) return Driver.BadCommandLine(stderr, $"--set {parameter.Target} is given twice");
            parameters.Add(parameter);
        }
        if (parameters.Count == 0) return Driver.BadCommandLine(stderr, "sweep needs at least one --set TARGET=VALUES");
        if (request.Shots < 1 || request.Shots > RunDriver.MaxShots) return Driver.BadCommandLine(stderr, $"--shots must be between 1 and {RunDriver.MaxShots}, not {request.Shots}");
        if (request.Threads is { } t && (t < 1 || t > 1024)) return Driver.BadCommandLine(stderr, $"--threads must be between 1 and 1024, not {t}");
        if (request.Cluster is { } clusterRequest && ClusterDriver.Validate(clusterRequest) is { } clusterProblem) return Driver.BadCommandLine(stderr, clusterProblem.Message, clusterProblem.Code);
        long size = parameters.Aggregate(1L, (n, p) => n * p.Values.Count);
        if (size > SweepParameter.MaxPoints) return Driver.BadCommandLine(stderr, $"the grid has {size} points; at most {SweepParameter.MaxPoints}");
        if (request.Stream is not null) return SweepStreams.Run(request, parameters, Grid(parameters), stdout, stderr);
        if (request.StreamSeconds is not null) return Driver.BadCommandLine(stderr, "--duration goes with --stream A,B");

        // The targets must name something: an override that matches nothing would sweep nothing.
        var plain = Compile(request, []);
        foreach (var diagnostic in DiagnosticCondenser.Condense(plain.Diagnostics.Items)) stderr.WriteLine(diagnostic.ToString());
        if (!plain.Success) return ExitCodes.InputErrors;
        if (plain.Distributed.Count != 1) return Driver.BadCommandLine(stderr, $"sweep runs one program; '{request.InputPath}' has {plain.Distributed.Count}");
        var bound = plain.BoundPrograms[0];
        foreach (var parameter in parameters)
            if (Describe(parameter.Target, bound.Network, bound) is { } problem) return Driver.BadCommandLine(stderr, problem);

        var grid = Grid(parameters);
        var points = new SweepPoint?[grid.Count];
        var diagnostics = new IReadOnlyList<Diagnostic>[grid.Count];
        bool showProgress = !request.Json && !Console.IsOutputRedirected;
        string? clusterReport = null;
        if (request.Cluster is { } cluster)
        {
            // The points compile here (the compiler is fast); their shots run on the cluster.
            var programs = new DistributedProgram?[grid.Count];
            Parallel.For(0, grid.Count, new ParallelOptions { MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount }, i =>
            {
                var compiled = Compile(request, grid[i]);
                diagnostics[i] = DiagnosticCondenser.Condense(compiled.Diagnostics.Items).ToList();
                if (compiled.Success) programs[i] = compiled.Distributed[0].Program!;
            });
            var compiledPoints = Enumerable.Range(0, grid.Count).Where(i => programs[i] is not null).ToList();
            var outcome = ClusterDriver.Run(cluster, [.. compiledPoints.Select(i => (programs[i]!, PointOptions(request, null)))], showProgress, $"{grid.Count} point(s)");
            if (outcome.Failure is { } failure)
            {
                ClusterDriver.Print(stderr, failure);
                return ExitCodes.InputErrors;
            }
            foreach (var (i, (result, problems)) in compiledPoints.Zip(outcome.Jobs))
            {
                diagnostics[i] = [.. diagnostics[i], .. problems];
                if (result is not null) points[i] = new SweepPoint(grid[i], programs[i]!.Network, programs[i]!, result);
            }
            clusterReport = outcome.ReportJson;
        }
        else
        {
            var shots = new RunProgress();
            int pointsDone = 0;
            var work = Task.Run(() => Parallel.For(0, grid.Count, new ParallelOptions { MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount }, i =>
            {
                var compiled = Compile(request, grid[i]);
                diagnostics[i] = DiagnosticCondenser.Condense(compiled.Diagnostics.Items).ToList();
                if (compiled.Success)
                {
                    var program = compiled.Distributed[0].Program!;
                    var (result, problems) = Simulator.Run(program, PointOptions(request, shots));
                    diagnostics[i] = [.. diagnostics[i], .. problems];
                    if (result is not null) points[i] = new SweepPoint(grid[i], program.Network, program, result);
                }
                Interlocked.Increment(ref pointsDone);
            }));
            ProgressDisplay.WaitFor(work, showProgress,
                new ProgressDisplay.Bar($"{grid.Count} point(s)", grid.Count, () => Volatile.Read(ref pointsDone)),
                new ProgressDisplay.Bar($"{(long)grid.Count * request.Shots} shot(s)", (double)grid.Count * request.Shots, () => shots.Done));
            work.GetAwaiter().GetResult();
        }
        for (int i = 0; i < grid.Count; i++)
        {
            if (diagnostics[i].Count == 0 && points[i] is not null) continue;
            string at = string.Join(", ", grid[i].Select(v => $"{v.Target}={v.Text}"));
            foreach (var d in diagnostics[i]) stderr.WriteLine($"at {at}: {d}");
            if (points[i] is null) return ExitCodes.InputErrors;
        }

        return Finish(request, parameters, [.. points.Select(p => p!)], clusterReport, stdout, stderr);
    }

    /// <summary>Writes sweep.csv, sweep.json and the plots (and cluster.json), and says where.</summary>
    internal static int Finish(SweepRequest request, IReadOnlyList<SweepParameter> parameters, List<SweepPoint> done, string? clusterReport, TextWriter stdout, TextWriter stderr)
    {
        if (!SweepOutput.Write(request.OutputDirectory, parameters, done, out string? writeError)
            || !SweepPlots.Write(request.OutputDirectory, parameters, done, out writeError))
        {
            stderr.WriteLine(new Diagnostic(Diagnostics.CannotWriteOutput.Code, DiagnosticSeverity.Error, new Location(new SourceText(request.InputPath, ""), default), Diagnostics.CannotWriteOutput.Format(request.OutputDirectory, writeError)));
            return ExitCodes.InputErrors;
        }
        if (clusterReport is not null && request.Json && !WriteClusterReport(request.OutputDirectory, clusterReport, out writeError))
        {
            stderr.WriteLine(new Diagnostic(Diagnostics.CannotWriteOutput.Code, DiagnosticSeverity.Error, new Location(new SourceText(request.InputPath, ""), default), Diagnostics.CannotWriteOutput.Format(request.OutputDirectory, writeError)));
            return ExitCodes.InputErrors;
        }
        if (request.Json) stdout.Write(SweepOutput.Json(parameters, done));
        else stdout.Write($"{done.Count} point(s) of {request.Shots} shot(s): {Path.Combine(request.OutputDirectory, "sweep.csv")}, sweep.json and {done[0].Result.Figures.Count} plot(s)\n");
        return ExitCodes.Ok;
    }

    /// <summary>Every point runs with the same seed on one thread (points run in parallel).</summary>
    private static RunOptions PointOptions(SweepRequest request, RunProgress? progress) =>
        new() { Shots = request.Shots, Seed = request.Seed, Threads = 1, Progress = progress };

    /// <summary>DIR/cluster.json (with --json): how the cluster ran the sweep (workers, items, wall time); the results never depend on it.</summary>
    private static bool WriteClusterReport(string directory, string report, out string? error)
    {
        error = null;
        try
        {
            File.WriteAllText(Path.Combine(directory, "cluster.json"), report + "\n");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static CompilationResult Compile(SweepRequest request, IReadOnlyList<ParameterOverride> overrides) =>
        QnCompiler.Compile(request.InputPath, new CompilationOptions
        {
            StopAfter = CompilerStage.Schedule,
            Seed = unchecked((int)request.Seed),
            ParameterOverrides = overrides,
        });

    /// <summary>Every combination, the first parameter outermost.</summary>
    internal static List<IReadOnlyList<ParameterOverride>> Grid(IReadOnlyList<SweepParameter> parameters)
    {
        var grid = new List<IReadOnlyList<ParameterOverride>> { Array.Empty<ParameterOverride>() };
        foreach (var parameter in parameters)
            grid = [.. grid.SelectMany(prefix => parameter.Values.Select(v => (IReadOnlyList<ParameterOverride>)[.. prefix, v]))];
        return grid;
    }

    /// <summary>Null when the target names a link, node or network property or a program constant; otherwise why not.</summary>
    private static string? Describe(string target, Network network, Semantics.BoundProgram program)
    {
        if (ParameterOverrides.Split(target) is not null) return DescribeNetworkTarget(target, network);
        if (program.Constants.Any(c => c.Name == target)) return null;
        return DescribeNetworkTarget(target, network) is null ? null : $"--set {target}: '{target}' is neither a constant of program '{program.Name}' nor a network property (a link is a--b.property, every link *--*.property, a node node.property)";
    }

    /// <summary>Null when the target names a link (or every link, `*--*`), node or network property; otherwise why not.</summary>
    internal static string? DescribeNetworkTarget(string target, Network network)
    {
        if (ParameterOverrides.Split(target) is (string owner, _))
        {
            if (owner == ParameterOverrides.EveryLink) return !network.Links.Any() ? $"--set {target}: network '{network.Name}' has no links" : null;
            var ends = owner.Split("--");
            if (ends.Length == 2) return network.FindLink(ends[0], ends[1]) is null ? $"--set {target}: network '{network.Name}' has no link {owner}" : null;
            return network.FindNode(owner) is null ? $"--set {target}: network '{network.Name}' has no node '{owner}'" : null;
        }
        return Semantics.PropertySchema.ByOwner[Semantics.PropertySchema.NetworkOwner].Any(s => s.Name == target)
            ? null
            : $"--set {target}: '{target}' is not a network property (a link is a--b.property, every link *--*.property, a node node.property)";
    }
}
