using QNetLang.Core;
using QNetLang.Distribution.Passes;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Semantics.Lowering;
using QNetLang.Syntax.Ast;

namespace QNetLang.Compiler;

/// <summary>
/// Runs the pipeline on one input file: parse (with includes) → bind (networks, programs) →
/// lower (circuit IR). Stops after the requested stage or at the first stage with errors, so
/// one mistake is not reported again, differently, by a later stage.
/// </summary>
public static class QnCompiler
{
    /// <summary>Stack for the compiler thread: deep but legal programs must never overflow it.</summary>
    private const int CompilerStackBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Compiles on a thread with a large stack (recursion over nested source is bounded by the
    /// syntax limits, and the bound must hold with room to spare).
    /// </summary>
    public static CompilationResult Compile(string inputPath, CompilationOptions options)
    {
        CompilationResult? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = CompileOnCurrentThread(inputPath, options); }
            catch (Exception ex) { failure = ex; }
        }, CompilerStackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return result!;
    }

    /// <summary>
    /// Compiles <paramref name="text"/> as the contents of <paramref name="path"/> (an editor's
    /// buffer, saved or not). Includes resolve relative to <paramref name="path"/>, from
    /// <see cref="CompilationOptions.SourceOverrides"/> first and then from disk.
    /// </summary>
    public static CompilationResult CompileText(string path, string text, CompilationOptions options)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, contents) in options.SourceOverrides ?? new Dictionary<string, string>()) overrides[file] = contents;
        overrides[Path.GetFullPath(path)] = text;
        return Compile(path, options with { SourceOverrides = overrides });
    }

    public static CompilationResult CompileOnCurrentThread(string inputPath, CompilationOptions options)
    {
        // One clock read at each stage boundary, so the stages tile the whole compilation:
        // the bookkeeping between two stages is part of the next one, never of none.
        var clock = new LapClock();
        var result = new CompilationResult { Diagnostics = new DiagnosticBag() };
        Run(result, inputPath, options, clock);
        result.CompileMilliseconds = clock.Total;
        return result;
    }

    private static void Run(CompilationResult result, string inputPath, CompilationOptions options, LapClock clock)
    {
        var diagnostics = result.Diagnostics;
        var loader = new SourceLoader(diagnostics, options.SourceOverrides);
        bool isQasm = inputPath.EndsWith(".qasm", StringComparison.OrdinalIgnoreCase);

        // ---- parse ----
        result.MainUnit = isQasm ? loader.LoadQasm(inputPath, options.MaxOperations) : loader.LoadQn(inputPath);
        CompilationUnit? networkUnit = options.NetworkFile is { } networkFile ? loader.LoadQn(networkFile) : null;
        result.Units.AddRange(loader.Units);
        if (options.ParameterOverrides.Count > 0)
        {
            var rewritten = result.Units.ToDictionary<CompilationUnit, CompilationUnit, CompilationUnit>(u => u, u => ParameterOverrides.Apply(u, options.ParameterOverrides), ReferenceEqualityComparer.Instance);
            result.Units.Clear();
            result.Units.AddRange(rewritten.Values);
            if (result.MainUnit is not null) result.MainUnit = rewritten[result.MainUnit];
            if (networkUnit is not null) networkUnit = rewritten[networkUnit];
        }
        Record(result, CompilerStage.Parse, clock, options.Cancellation);
        if (diagnostics.HasErrors || result.MainUnit is null || options.StopAfter == CompilerStage.Parse) return;

        // ---- bind ----
        var networks = BindNetworks(result.Units, diagnostics, result.Symbols);
        result.Networks.AddRange(networks.Values.Select(n => n.Network));
        var programs = result.MainUnit.Items.OfType<ProgramDeclaration>().ToList();
        if (programs.Count == 0 && options.RequireProgram)
            diagnostics.Report(Diagnostics.NoProgram, new Location(result.MainUnit.Source, default), result.MainUnit.Source.Path);
        var programNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            var source = result.MainUnit.Source;
            if (!programNames.Add(program.Name.Text))
            {
                diagnostics.Report(Diagnostics.Redefinition, new Location(source, program.Name.Span), program.Name.Text);
                continue;
            }
            if (ResolveNetwork(program, source, networks, networkUnit, options, diagnostics) is not { } network) continue;
            var bound = new ProgramBinder(source, network, diagnostics, result.Symbols).Bind(program);
            if (program.Network is null && options.QpuCount is { } k)
            {
                // `--qpus K`: the capacity default ⌊n/K⌋+1 depends on the qubit count just bound.
                int perQpu = options.QubitsPerQpu ?? NetworkFactory.DefaultQubitsPerQpu(bound.QubitCount, k);
                bound = bound with { Network = NetworkFactory.AllToAll(k, perQpu, commQubits: bound.QubitCount) };
            }
            result.BoundPrograms.Add(bound);
        }
        Record(result, CompilerStage.Bind, clock, options.Cancellation);
        if (diagnostics.HasErrors || options.StopAfter == CompilerStage.Bind) return;

        // ---- lower ----
        foreach (var bound in result.BoundPrograms)
        {
            var circuit = new Lowerer(bound, diagnostics, options.MaxOperations).Lower();
            if (circuit is null) continue;
            IrValidator.ThrowIfInvalid(circuit, "lower");
            result.Circuits.Add(circuit);
        }
        Record(result, CompilerStage.Lower, clock, options.Cancellation);
        if (diagnostics.HasErrors || options.StopAfter == CompilerStage.Lower) return;

        // ---- partition → distribute → route → schedule ----
        var passes = DistributionPipeline.Create();
        string stopPass = options.StopAfter >= CompilerStage.Schedule ? "schedule" : CompilerStages.Name(options.StopAfter);
        foreach (var circuit in result.Circuits)
        {
            var context = new PassContext(diagnostics, options.Seed) { ValidateAfterEachPass = options.ValidateAfterEachPass, MaxTimeSeconds = options.MaxTimeSeconds };
            var distributed = passes.Run(circuit, context, stopPass);
            if (!diagnostics.HasErrors) IrValidator.ThrowIfInvalid(distributed, stopPass);
            result.Distributed.Add(new CompiledProgram(circuit, distributed, context));
        }
        // Each pass as the pass manager timed it; what the passes did not use (IR validation,
        // pass setup) is listed too, so that the steps add up to the whole.
        bool several = result.Distributed.Count > 1;
        foreach (var program in result.Distributed)
            foreach (var (name, ms) in program.Context.Statistics.PassTimes)
                result.Timings.Add((several ? $"{program.Original.Name}/{name}" : name, ms));
        double inPasses = result.Distributed.Sum(p => p.Context.Statistics.PassTimes.Sum(t => t.Milliseconds));
        double distribution = clock.Lap();
        result.Timings.Add(("validate", Math.Max(0, distribution - inPasses)));
        var reached = options.StopAfter >= CompilerStage.Schedule ? CompilerStage.Schedule : options.StopAfter;
        result.StageTimes.Add((reached, distribution));
        if (!diagnostics.HasErrors) result.ReachedStage = reached;
        options.Cancellation.ThrowIfCancellationRequested();
        if (!diagnostics.HasErrors && options.StopAfter == CompilerStage.Emit) result.ReachedStage = CompilerStage.Emit;
    }

    private static void Record(CompilationResult result, CompilerStage stage, LapClock clock, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        double ms = clock.Lap();
        result.StageTimes.Add((stage, ms));
        result.Timings.Add((CompilerStages.Name(stage), ms));
        if (!result.Diagnostics.HasErrors) result.ReachedStage = stage;
    }

    /// <summary>Binds every network of every loaded file; names must be unique across files.</summary>
    private static Dictionary<string, (Network Network, CompilationUnit Unit)> BindNetworks(IEnumerable<CompilationUnit> units, DiagnosticBag diagnostics, SymbolTable symbols)
    {
        var networks = new Dictionary<string, (Network, CompilationUnit)>(StringComparer.Ordinal);
        foreach (var unit in units)
            foreach (var declaration in unit.Items.OfType<NetworkDeclaration>())
            {
                var network = new NetworkBinder(unit.Source, diagnostics, symbols).Bind(declaration);
                if (!networks.TryAdd(declaration.Name.Text, (network, unit)))
                    diagnostics.Report(Diagnostics.Redefinition, new Location(unit.Source, declaration.Name.Span), declaration.Name.Text);
            }
        return networks;
    }

    private static Network? ResolveNetwork(ProgramDeclaration program, SourceText source, Dictionary<string, (Network Network, CompilationUnit Unit)> networks, CompilationUnit? networkUnit, CompilationOptions options, DiagnosticBag diagnostics)
    {
        if (program.Network is { } name)
        {
            if (networks.TryGetValue(name.Text, out var found)) return found.Network;
            diagnostics.Report(Diagnostics.UnknownNetwork, new Location(source, name.Span), name.Text);
            return null;
        }
        // An OpenQASM circuit: the network comes from --network or --qpus.
        if (options.QpuCount is { } k) return NetworkFactory.AllToAll(k, options.QubitsPerQpu ?? int.MaxValue / 4);
        if (networkUnit is not null)
        {
            var candidates = networks.Values.Where(n => ReferenceEquals(n.Unit, networkUnit)).Select(n => n.Network).ToList();
            if (candidates.Count == 1) return candidates[0];
            diagnostics.Report(Diagnostics.AmbiguousNetwork, new Location(networkUnit.Source, default), networkUnit.Source.Path, candidates.Count);
            return null;
        }
        diagnostics.Report(Diagnostics.UnknownNetwork, new Location(source, program.Name.Span), "(none given: use --network FILE.qn or --qpus K)");
        return null;
    }
}
