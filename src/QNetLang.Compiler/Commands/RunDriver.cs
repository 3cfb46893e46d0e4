using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Network;
using QNetLang.Simulation.Noise;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// `qnlc run`: compiles the program (exactly as `build` does), hands each circuit to
/// <see cref="Simulator.Run"/>, and prints the report (text, or JSON with --json). Diagnostics go
/// to standard error; a problem in the input, including one the simulator finds, exits with 1.
/// </summary>
public static class RunDriver
{
    public const int MaxShots = 100_000_000;

    public static int Run(RunRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (ValidateRun(request, out var engine, out var distillation) is { } message) return Driver.BadCommandLine(stderr, message);
        if (ParseCounts(request.Counts, out int? countLimit) is { } countsProblem) return Driver.BadCommandLine(stderr, countsProblem);
        if (request.Cluster is not null)
        {
            if (request.Stream is not null) return Driver.BadCommandLine(stderr, "--stream runs on this machine: --cluster does not apply to it");
            if (ClusterDriver.Validate(request.Cluster) is { } clusterProblem) return Driver.BadCommandLine(stderr, clusterProblem.Message, clusterProblem.Code);
        }
        IReadOnlyList<DistributedProgram> programs;
        Location fileLocation;
        if (EmittedPrograms.IsManifest(request.InputPath))
        {
            if (request.Stream is not null || request.NetworkFile is not null || request.Qpus is not null)
                return Driver.BadCommandLine(stderr, "a manifest carries its own network and program: --stream, --network and --qpus do not apply to it");
            var diagnostics = new DiagnosticBag();
            var loaded = EmittedPrograms.Load(request.InputPath, diagnostics);
            foreach (var diagnostic in diagnostics.Items) stderr.WriteLine(diagnostic.ToString());
            if (loaded is null || diagnostics.HasErrors) return ExitCodes.InputErrors;
            programs = [loaded];
            fileLocation = new Location(new SourceText(request.InputPath, ""), default);
        }
        else
        {
            var compileRequest = new CompileRequest(request.InputPath, request.NetworkFile, request.Qpus, request.QubitsPerQpu, request.MaxOperations,
                Seed: 0, StopAfter: CompilerStage.Schedule, Dump: false, OutputDirectory: null, Emit: [], RequireProgram: request.Stream is null, Inputs: request.Inputs);
            if (Driver.Validate(compileRequest) is { } problem) return Driver.BadCommandLine(stderr, problem.Message, problem.Code);
            var result = QnCompiler.Compile(request.InputPath, new CompilationOptions
            {
                MaxOperations = request.MaxOperations,
                NetworkFile = request.NetworkFile,
                QpuCount = request.Qpus,
                QubitsPerQpu = request.QubitsPerQpu,
                RequireProgram = request.Stream is null,
                ParameterOverrides = Driver.InputValues(request.Inputs),
                // The simulator runs the distributed program, exactly as `build` emits it. The
                // seed steers the partitioner as it steers the shots.
                StopAfter = CompilerStage.Schedule,
                Seed = unchecked((int)request.Seed),
                MaxTimeSeconds = request.MaxTimeSeconds,
            });
            foreach (var diagnostic in DiagnosticCondenser.Condense(result.Diagnostics.Items)) stderr.WriteLine(diagnostic.ToString());
            if (!result.Success) return ExitCodes.InputErrors;
            fileLocation = new Location(result.MainUnit!.Source, default);
            if (request.Stream is not null) return StreamDriver.Run(request, distillation, result, fileLocation, stdout, stderr);
            programs = [.. result.Distributed.Select(d => d.Program!)];
        }

        var options = new RunOptions
        {
            Shots = request.Shots,
            Seed = request.Seed,
            Engine = engine,
            MaxQubits = request.MaxQubits,
            MaxTimeSeconds = request.MaxTimeSeconds,
            Threads = request.Threads ?? Environment.ProcessorCount,
            RecordTimeline = request.PlotDirectory is not null,
            RecordShots = request.RecordsPath is not null,
            Distillation = distillation,
        };
        var results = new List<RunResult>();
        bool showProgress = !request.Json && !Console.IsOutputRedirected;
        string? clusterReport = null;
        IEnumerable<(RunResult? Result, IReadOnlyList<Diagnostic> Problems)> runs;
        if (request.Cluster is { } cluster)
        {
            var outcome = ClusterDriver.Run(cluster, [.. programs.Select(p => (p, options))], showProgress, string.Join(", ", programs.Select(p => p.Name)));
            if (outcome.Failure is { } failure)
            {
                ClusterDriver.Print(stderr, failure);
                return ExitCodes.InputErrors;
            }
            runs = outcome.Jobs;
            clusterReport = outcome.ReportJson;
        }
        // Lazily: a program that fails stops the command before the next one runs.
        else runs = programs.Select(program => RunWithProgress(program, options, showProgress));
        foreach (var (run, diagnostics) in runs)
        {
            foreach (var d in diagnostics)
                stderr.WriteLine((d.Location.Source is null ? d with { Location = fileLocation } : d).ToString());
            if (run is null) return ExitCodes.InputErrors;
            results.Add(run);
        }

        if (request.PlotDirectory is { } plotDir)
        {
            foreach (var (run, program) in results.Zip(programs))
                if (!Plots.Write(plotDir, run, [.. program.Network.Nodes.Select(n => n.Name)], out string? error))
                {
                    stderr.WriteLine(new Diagnostic(Diagnostics.CannotWritePlots.Code, DiagnosticSeverity.Error, fileLocation, Diagnostics.CannotWritePlots.Format(plotDir, error)));
                    return ExitCodes.InputErrors;
                }
        }

        if (request.RecordsPath is { } recordsPath && !ShotRecords.Write(recordsPath, results, out string? recordsError))
        {
            stderr.WriteLine(new Diagnostic(Diagnostics.CannotWriteOutput.Code, DiagnosticSeverity.Error, fileLocation, Diagnostics.CannotWriteOutput.Format(recordsPath, recordsError)));
            return ExitCodes.InputErrors;
        }

        if (request.Json) stdout.Write(clusterReport is null ? RunReport.ToJson(results, countLimit) : ClusterDriver.WithReport(RunReport.ToJson(results, countLimit), clusterReport));
        else foreach (var run in results) stdout.Write(RunReport.ToText(run));
        return ExitCodes.Ok;
    }

    private static string? ValidateRun(RunRequest request, out EngineKind engine, out DistillationPolicy distillation)
    {
        engine = EngineKind.Auto;
        distillation = DistillationPolicy.None;
        if (request.Distill is { } protocolName)
        {
            var protocol = protocolName switch { "bbpssw" => DistillationProtocol.Bbpssw, "dejmps" => DistillationProtocol.Dejmps, _ => DistillationProtocol.None };
            if (protocol == DistillationProtocol.None) return $"unknown --distill protocol '{protocolName}' (protocols: bbpssw, dejmps)";
            if (request.TargetFidelity is not { } f || !(f > 0.5 && f < 1)) return "--distill needs --target-fidelity F with 0.5 < F < 1";
            distillation = new DistillationPolicy(protocol, f);
        }
        else if (request.TargetFidelity is not null) return "--target-fidelity needs --distill bbpssw or dejmps";
        if (request.Shots < 1 || request.Shots > MaxShots) return $"--shots must be between 1 and {MaxShots}, not {request.Shots}";
        if (!EngineSelector.TryParse(request.Engine, out engine))
            return $"unknown --engine '{request.Engine}' (engines: {string.Join(", ", Enum.GetValues<EngineKind>().Select(EngineSelector.Name))})";
        if (request.MaxQubits is { } m && (m < 1 || m > 1_000_000)) return $"--max-qubits must be between 1 and 1000000, not {m}";
        if (!(request.MaxTimeSeconds > 0) || request.MaxTimeSeconds > SimTime.MaxSeconds) return $"--max-time must be between 0 and {SimTime.MaxSeconds:0.#e0} seconds (the simulated clock's range), not {request.MaxTimeSeconds}";
        if (request.Threads is { } t && (t < 1 || t > 1024)) return $"--threads must be between 1 and 1024, not {t}";
        if (request.Stream is null && (request.StreamPairs is not null || request.StreamSeconds is not null)) return "--pairs and --duration need --stream A,B";
        if (request.Stream is not null)
        {
            if (request.Stream.Split(',').Length != 2) return $"--stream needs two node names, as A,B; found '{request.Stream}'";
            if (request.StreamPairs is null && request.StreamSeconds is null) return "--stream needs --pairs N or --duration SECONDS";
            if (request.StreamPairs is { } p && (p < 1 || p > 100_000_000)) return $"--pairs must be between 1 and 100000000, not {p}";
            if (request.StreamSeconds is { } s && !(s > 0 && s <= 9e6)) return $"--duration must be between 0 and 9e6 seconds, not {s}";
        }
        return null;
    }

    /// <summary>`--counts all` or `--counts N`: how many of the most frequent outcomes the JSON lists.</summary>
    private static string? ParseCounts(string? text, out int? limit)
    {
        limit = RunReport.DefaultJsonCountLimit;
        if (text is null) return null;
        if (text == "all")
        {
            limit = null;
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1)
        {
            limit = n;
            return null;
        }
        return $"--counts must be 'all' or a positive number of outcomes, not '{text}'";
    }

    /// <summary>Runs the shots; when they take over a second and stdout is a terminal, shows a progress bar meanwhile.</summary>
    private static (RunResult?, IReadOnlyList<Diagnostic>) RunWithProgress(QNetLang.Ir.DistributedProgram circuit, RunOptions options, bool showProgress)
    {
        if (!showProgress) return Simulator.Run(circuit, options);
        var progress = new RunProgress();
        var run = Task.Run(() => Simulator.Run(circuit, options with { Progress = progress }));
        ProgressDisplay.WaitFor(run, show: true, new ProgressDisplay.Bar($"{circuit.Name}: {options.Shots} shots", options.Shots, () => progress.Done));
        return run.Result;
    }
}
