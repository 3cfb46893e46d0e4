using System.CommandLine;
using QNetLang.Compiler;
using QNetLang.Compiler.Commands;

namespace Qnlc;

/// <summary>The commands and options of qnlc, with their help texts.</summary>
public static class CommandLineApp
{
    /// <summary>
    /// Parses and runs one command line: parse errors are reported as QN0001 with exit code 2;
    /// otherwise the command's exit code. Exceptions propagate (the program turns them into
    /// exit code 3; tests want to see them). Shared by Program.cs and the in-process test runners.
    /// </summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (string problem in CommandLineErrors.Explain(root.Subcommands.Select(c => c.Name).ToList(), args, parse.Errors.Select(e => e.Message).ToList())) error.WriteLine($"qnlc: error {problem}");
            error.WriteLine("Run 'qnlc --help' for usage.");
            return ExitCodes.BadCommandLine;
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
    }

    public static RootCommand Create()
    {
        var root = new RootCommand("""
            qnlc — the QNetLang compiler for distributed quantum programs.
            One .qn file describes a quantum network and the program that runs on it; OpenQASM 2/3
            circuits can be compiled for a network given with --network or --qpus.
            """);
        root.Subcommands.Add(CheckCommand());
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(LspCommand.Create());
        root.Subcommands.Add(VerifyQirCommand.Create());
        root.Subcommands.Add(FormatCommand.Create());
        root.Subcommands.Add(RunCommand());
        root.Subcommands.Add(SweepCommand());
        root.Subcommands.Add(WorkerCommand());
        return root;
    }

    private static Argument<string> InputArgument() => new("file")
    {
        Description = "The program: a .qn file, or an OpenQASM 2/3 .qasm file (with --network or --qpus).",
    };

    /// <summary>The options that say what network an input runs on and how far to unroll it.</summary>
    private sealed class InputOptions
    {
        public Option<string?> Network { get; } = new("--network") { Description = "A .qn file with exactly one network for an OpenQASM circuit to run on." };
        public Option<int?> Qpus { get; } = new("--qpus") { Description = "For OpenQASM input: an all-to-all network of K QPUs." };
        public Option<int?> QubitsPerQpu { get; } = new("--qubits-per-qpu") { Description = "With --qpus: data qubits per QPU (default ⌊n/K⌋+1 for n qubits)." };
        public Option<long> MaxOps { get; } = new("--max-ops")
        {
            Description = "Stop with an error when loops unroll to more than this many operations plus iterations.",
            DefaultValueFactory = _ => CompilationOptions.DefaultMaxOperations,
        };
        public Option<string[]> Inputs { get; } = new("--input") { Description = "NAME=VALUE: the value of an OpenQASM `input` declaration (repeat for several).", AllowMultipleArgumentsPerToken = false };

        public void AddTo(Command command)
        {
            command.Options.Add(Inputs);
            command.Options.Add(Network);
            command.Options.Add(Qpus);
            command.Options.Add(QubitsPerQpu);
            command.Options.Add(MaxOps);
        }
    }

    private static Command CheckCommand()
    {
        var file = InputArgument();
        var input = new InputOptions();
        var command = new Command("check", "Compile a program through every stage and report diagnostics; writes nothing.") { file };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var request = new CompileRequest(
                parse.GetValue(file)!, parse.GetValue(input.Network), parse.GetValue(input.Qpus), parse.GetValue(input.QubitsPerQpu), parse.GetValue(input.MaxOps),
                Seed: 0, StopAfter: CompilerStage.Emit, Dump: false, OutputDirectory: null, Emit: [], RequireProgram: false, Inputs: parse.GetValue(input.Inputs));
            return Driver.Run(request, Console.Out, Console.Error);
        });
        return command;
    }

    private static Command BuildCommand()
    {
        var file = InputArgument();
        var input = new InputOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory for the outputs (created if needed).",
            DefaultValueFactory = _ => "out",
        };
        var emit = new Option<string[]>("--emit")
        {
            Description = $"What to write, comma-separated: {string.Join(", ", Emitters.Available)}. Default: ir.",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "Seed for every randomised decision; the same seed gives byte-identical output." };
        var stopAfter = new Option<string?>("--stop-after")
        {
            Description = $"Stop after this stage: {string.Join(", ", Enum.GetValues<CompilerStage>().Select(CompilerStages.Name))}. Writes no files.",
        };
        var dump = new Option<bool>("--dump") { Description = "Print the result of the last stage that ran (AST, bound symbols or IR) to standard output." };
        var qirVersion = new Option<int>("--qir-version")
        {
            Description = "With --emit qir: 2 (default) writes QIR 2.0 with opaque pointers; 1 writes QIR 1.0 with typed pointers (%Qubit*, %Result*) for toolchains on LLVM 14 or older.",
            DefaultValueFactory = _ => 2,
        };

        var command = new Command("build", "Compile a program and write the requested outputs to the output directory.") { file, output, emit, seed, stopAfter, dump, qirVersion };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            string? stopText = parse.GetValue(stopAfter);
            CompilerStage stage = CompilerStage.Emit;
            if (stopText is not null && !CompilerStages.TryParse(stopText, out stage))
                return Driver.BadCommandLine(Console.Error, $"unknown stage '{stopText}' for --stop-after (stages: {string.Join(", ", Enum.GetValues<CompilerStage>().Select(CompilerStages.Name))})");
            var emitKinds = (parse.GetValue(emit) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var request = new CompileRequest(
                parse.GetValue(file)!, parse.GetValue(input.Network), parse.GetValue(input.Qpus), parse.GetValue(input.QubitsPerQpu), parse.GetValue(input.MaxOps),
                parse.GetValue(seed), stage, parse.GetValue(dump), stopText is null ? parse.GetValue(output) : null,
                emitKinds.Count == 0 ? ["ir"] : emitKinds, RequireProgram: true, QirVersion: parse.GetValue(qirVersion), Inputs: parse.GetValue(input.Inputs));
            return Driver.Run(request, Console.Out, Console.Error);
        });
        return command;
    }

    /// <summary>The options that send a command's shots to a cluster of `qnlc worker`s.</summary>
    private sealed class ClusterOptions
    {
        public Option<string?> Cluster { get; } = new("--cluster") { Description = "Run the shots on a cluster of `qnlc worker`s: redis://HOST:PORT or localhost:PORT. The output is the same as without it." };
        public Option<string?> Checkpoint { get; } = new("--checkpoint") { Description = "With --cluster: keep finished work items in this directory; the same command run again resumes from them." };
        public Option<double?> Timeout { get; } = new("--timeout") { Description = "With --cluster: give up (QN4404) when the work is not done within this many seconds (default: 1 day)." };
        public Option<bool> Verbose { get; } = new("--verbose") { Description = "With --cluster: show Orleans' own log messages." };

        public void AddTo(Command command)
        {
            command.Options.Add(Cluster);
            command.Options.Add(Checkpoint);
            command.Options.Add(Timeout);
            command.Options.Add(Verbose);
        }

        /// <summary>The request, or null without --cluster; <paramref name="problem"/> when a cluster option is given without it.</summary>
        public ClusterRequest? Request(ParseResult parse, out string? problem)
        {
            problem = null;
            if (parse.GetValue(Cluster) is not { } address)
            {
                if (parse.GetValue(Checkpoint) is not null || parse.GetValue(Timeout) is not null || parse.GetValue(Verbose))
                    problem = "--checkpoint, --timeout and --verbose go with --cluster";
                return null;
            }
            return new ClusterRequest(address, parse.GetValue(Checkpoint), parse.GetValue(Timeout) ?? ClusterRequest.DefaultTimeoutSeconds, Verbose: parse.GetValue(Verbose));
        }
    }

    private static Command WorkerCommand()
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster to join: redis://HOST:PORT (membership in Redis) or localhost:PORT (workers on this machine).", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Work items run at once (default: all cores)." };
        var verbose = new Option<bool>("--verbose") { Description = "Show Orleans' own log messages." };
        var command = new Command("worker", "Join a cluster and run the shots of `run --cluster` and `sweep --cluster` until stopped (Ctrl+C or SIGTERM).") { cluster, threads, verbose };
        command.SetAction(parse => ClusterDriver.Worker(parse.GetValue(cluster)!, parse.GetValue(threads), parse.GetValue(verbose), Console.Out, Console.Error));
        return command;
    }

    private static Command SweepCommand()
    {
        var file = InputArgument();
        var set = new Option<string[]>("--set") { Description = "TARGET=VALUES: a link (a--b.length), node (alice.t2) or network property or a program constant; VALUES A..B:K, A..B:K:log or a,b,c, with units.", Required = true, AllowMultipleArgumentsPerToken = false };
        var shots = new Option<int>("--shots") { Description = "Shots per point.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed of every point: the same seed gives the same output on any number of cores." };
        var output = new Option<string>("--output", "-o") { Description = "Directory for sweep.csv, sweep.json and a plot per figure.", Required = true };
        var json = new Option<bool>("--json") { Description = "Also print the records as JSON." };
        var threads = new Option<int?>("--threads") { Description = "Points run in parallel on this many threads (default: all cores); results do not depend on it." };
        var stream = new Option<string?>("--stream") { Description = "Instead of the program: request pairs continuously between nodes A,B at every point (--shots streams each); figures pair_rate, fidelity, rate_per_memory." };
        var duration = new Option<double?>("--duration") { Description = "With --stream: simulated seconds per stream." };
        var command = new Command("sweep", "Run a program over a grid of parameter values; writes every figure with its standard error and a plot per figure.")
        {
            file, set, shots, seed, output, json, threads, stream, duration,
        };
        var cluster = new ClusterOptions();
        cluster.AddTo(command);
        command.SetAction(parse =>
        {
            var clusterRequest = cluster.Request(parse, out string? problem);
            if (problem is not null) return Driver.BadCommandLine(Console.Error, problem);
            return SweepDriver.Run(
                new SweepRequest(parse.GetValue(file)!, parse.GetValue(set) ?? [], parse.GetValue(shots), parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(json), parse.GetValue(threads), clusterRequest,
                    parse.GetValue(stream), parse.GetValue(duration)),
                Console.Out, Console.Error);
        });
        return command;
    }

    private static Command RunCommand()
    {
        var file = InputArgument();
        var input = new InputOptions();
        var shots = new Option<int>("--shots") { Description = "Shots to run (with --stream: independent repetitions).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed gives the same results on any number of cores." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (figures, counts, ebits, meanTimePs, pairs) instead of the summary." };
        var engine = new Option<string>("--engine")
        {
            Description = "State engine: auto, statevector, density, stabilizer, trajectories.",
            DefaultValueFactory = _ => "auto",
        };
        var maxQubits = new Option<int?>("--max-qubits") { Description = "Most qubits the engine may hold at once (default: 28 state vector, 13 density, 20000 stabilizer)." };
        var maxTime = new Option<double>("--max-time") { Description = "Stop with an error when a shot runs past this many simulated seconds.", DefaultValueFactory = _ => CompilationOptions.DefaultMaxTimeSeconds };
        var threads = new Option<int?>("--threads") { Description = "Threads for shots (default: all cores); results do not depend on it." };
        var plot = new Option<string?>("--plot") { Description = "Write the counts histogram and a timeline of shot 0 (PNG and SVG) to this directory." };
        var stream = new Option<string?>("--stream") { Description = "Instead of the program: request pairs continuously between nodes A,B of the network." };
        var pairs = new Option<long?>("--pairs") { Description = "With --stream: stop after this many pairs." };
        var duration = new Option<double?>("--duration") { Description = "With --stream: stop after this many simulated seconds." };
        var distill = new Option<string?>("--distill") { Description = "Distil the end-to-end pairs of routes whose links give no `distill` with bbpssw or dejmps until they reach --target-fidelity." };
        var target = new Option<double?>("--target-fidelity") { Description = "With --distill: the fidelity each delivered pair must reach." };
        var records = new Option<string?>("--records") { Description = "Write every shot (program, shot, time_ps, each register's bits) to this CSV file." };
        var counts = new Option<string?>("--counts") { Description = "With --json: 'all' lists every outcome; N the N most frequent (default 64; countsOmitted says how many are left out)." };
        var command = new Command("run", "Compile a program and run it on the network simulator; prints counts, ebits, simulated time and pair statistics.")
        {
            file, shots, seed, json, engine, maxQubits, maxTime, threads, plot, stream, pairs, duration, distill, target, counts, records,
        };
        input.AddTo(command);
        var cluster = new ClusterOptions();
        cluster.AddTo(command);
        command.SetAction(parse =>
        {
            var clusterRequest = cluster.Request(parse, out string? problem);
            if (problem is not null) return Driver.BadCommandLine(Console.Error, problem);
            var request = new RunRequest(
                parse.GetValue(file)!, parse.GetValue(input.Network), parse.GetValue(input.Qpus), parse.GetValue(input.QubitsPerQpu), parse.GetValue(input.MaxOps),
                parse.GetValue(shots), parse.GetValue(seed), parse.GetValue(json), parse.GetValue(engine)!, parse.GetValue(maxQubits), parse.GetValue(maxTime),
                parse.GetValue(threads), parse.GetValue(plot), parse.GetValue(stream), parse.GetValue(pairs), parse.GetValue(duration),
                parse.GetValue(distill), parse.GetValue(target), parse.GetValue(counts), parse.GetValue(records), parse.GetValue(input.Inputs), clusterRequest);
            return RunDriver.Run(request, Console.Out, Console.Error);
        });
        return command;
    }
}
