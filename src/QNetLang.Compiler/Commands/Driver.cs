using System.Text;
using QNetLang.Distribution;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Syntax;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// Runs one request: validates the options (exit 2), compiles, prints diagnostics to the error
/// writer (exit 1 on any error), prints the dump, and writes the outputs all-or-nothing.
/// </summary>
public static class Driver
{
    private const int MaxQpus = 4096;

    public static int Run(CompileRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (Validate(request) is { } problem) return BadCommandLine(stderr, problem.Message, problem.Code);

        var options = new CompilationOptions
        {
            StopAfter = request.StopAfter,
            MaxOperations = request.MaxOperations,
            NetworkFile = request.NetworkFile,
            QpuCount = request.Qpus,
            QubitsPerQpu = request.QubitsPerQpu,
            Seed = request.Seed,
            RequireProgram = request.RequireProgram,
            ParameterOverrides = InputValues(request.Inputs),
        };
        var result = QnCompiler.Compile(request.InputPath, options);
        foreach (var diagnostic in DiagnosticCondenser.Condense(result.Diagnostics.Items)) stderr.WriteLine(diagnostic.ToString());
        if (!result.Success) return ExitCodes.InputErrors;

        if (request.Dump) stdout.Write(Dump(result));
        if (request.OutputDirectory is { } outDir && request.StopAfter == CompilerStage.Emit)
        {
            if (request.Emit.Contains("qir") && UnexpressibleInQir(result, request.InputPath) is { } refused)
            {
                stderr.WriteLine(refused.ToString());
                return ExitCodes.InputErrors;
            }
            var files = Emitters.Produce(result, request.Emit, (QNetLang.Backends.Qir.QirVersion)request.QirVersion);
            if (!OutputWriter.WriteAll(outDir, files, out string? error))
            {
                stderr.WriteLine(new Diagnostic(Diagnostics.CannotWriteOutput.Code, DiagnosticSeverity.Error, new Location(new SourceText(outDir, ""), default), Diagnostics.CannotWriteOutput.Format(outDir, error)));
                return ExitCodes.InputErrors;
            }
            foreach (var name in files.Keys) stdout.WriteLine($"wrote {Path.Combine(outDir, name)}");
        }
        else if (!request.Dump && request.OutputDirectory is null && request.StopAfter == CompilerStage.Emit)
        {
            stdout.WriteLine(Summary(result));
        }
        return ExitCodes.Ok;
    }

    /// <summary>QN3009 for the first runtime classical construct the QIR Adaptive Profile cannot express (nothing is written then).</summary>
    private static Diagnostic? UnexpressibleInQir(CompilationResult result, string inputPath)
    {
        foreach (var program in result.Distributed)
        {
            if (program.Program is not { } distributed || QNetLang.Backends.Qir.NodeQirEmitter.FirstUnexpressible(distributed) is not { } found) continue;
            var at = found.At ?? new Location(new SourceText(inputPath, ""), default);
            return new Diagnostic(Diagnostics.RuntimeClassicalInQir.Code, DiagnosticSeverity.Error, at, Diagnostics.RuntimeClassicalInQir.Format(found.What));
        }
        return null;
    }

    /// <summary>The values of OpenQASM `input` declarations (`--input NAME=VALUE`), already validated.</summary>
    internal static IReadOnlyList<ParameterOverride> InputValues(IReadOnlyList<string>? inputs) =>
        [.. (inputs ?? []).Select(input => SweepParameter.Single(input, "--input", out _)!)];

    public static int BadCommandLine(TextWriter stderr, string message, string? code = null)
    {
        stderr.WriteLine($"qnlc: error {code ?? Diagnostics.InvalidOption.Code}: {message}");
        stderr.WriteLine("Run 'qnlc --help' for usage.");
        return ExitCodes.BadCommandLine;
    }

    internal static (string Message, string Code)? Validate(CompileRequest request)
    {
        bool isQasm = request.InputPath.EndsWith(".qasm", StringComparison.OrdinalIgnoreCase);
        bool isQn = request.InputPath.EndsWith(".qn", StringComparison.OrdinalIgnoreCase);
        if (!isQasm && !isQn) return (Diagnostics.UnsupportedInputKind.Format(request.InputPath), Diagnostics.UnsupportedInputKind.Code);
        return ValidateOptions(request, isQasm, isQn) is { } message ? (message, Diagnostics.InvalidOption.Code) : null;
    }

    private static string? ValidateOptions(CompileRequest request, bool isQasm, bool isQn)
    {
        if (request.Qpus is { } k && (k < 1 || k > MaxQpus)) return $"--qpus must be between 1 and {MaxQpus}, not {k}";
        if (request.QubitsPerQpu is { } c && (c < 1 || c > SemanticLimits.MaxRegisterSize)) return $"--qubits-per-qpu must be between 1 and {SemanticLimits.MaxRegisterSize}, not {c}";
        if (request.QubitsPerQpu is not null && request.Qpus is null) return "--qubits-per-qpu needs --qpus";
        if (request.QirVersion is not (1 or 2)) return $"--qir-version must be 1 (typed pointers, for toolchains before opaque pointers) or 2 (opaque pointers), not {request.QirVersion}";
        if (request.MaxOperations < 1) return $"--max-ops must be at least 1, not {request.MaxOperations}";
        foreach (var input in request.Inputs ?? [])
            if (SweepParameter.Single(input, "--input", out string? error) is null) return error;
        if (request.Qpus is not null && request.NetworkFile is not null) return "give either --qpus or --network, not both";
        if (isQn && request.Qpus is not null) return "--qpus applies to OpenQASM input; a .qn program names its network (`program p on net`)";
        if (isQasm && request.Qpus is null && request.NetworkFile is null) return "an OpenQASM file needs a network: add --network NET.qn or --qpus K";
        foreach (var kind in request.Emit)
        {
            if (Emitters.Available.Contains(kind)) continue;
            return Emitters.Planned.Contains(kind)
                ? $"--emit {kind} is not available yet in this version (available: {string.Join(", ", Emitters.Available)})"
                : $"unknown --emit kind '{kind}' (available: {string.Join(", ", Emitters.Available)})";
        }
        return null;
    }

    private static string Dump(CompilationResult result)
    {
        var sb = new StringBuilder();
        switch (result.ReachedStage)
        {
            case CompilerStage.Parse:
                foreach (var unit in result.Units) sb.Append(AstPrinter.Print(unit));
                break;
            case CompilerStage.Bind:
                foreach (var program in result.BoundPrograms) sb.Append(BoundProgramPrinter.Print(program));
                if (result.BoundPrograms.Count == 0)
                    foreach (var network in result.Networks) sb.Append(IrPrinter.PrintNetwork(network));
                break;
            case CompilerStage.Lower:
                foreach (var circuit in result.Circuits) sb.Append(IrPrinter.Print(circuit));
                if (result.Circuits.Count == 0)
                    foreach (var network in result.Networks) sb.Append(IrPrinter.PrintNetwork(network));
                break;
            case CompilerStage.Schedule or CompilerStage.Emit:
                foreach (var program in result.Distributed)
                    sb.Append(program.Program is { } schedule ? DistributedProgramPrinter.Print(schedule) : IrPrinter.Print(program.Circuit));
                break;
            default:
                foreach (var program in result.Distributed) sb.Append(IrPrinter.Print(program.Circuit));
                break;
        }
        return sb.ToString();
    }

    private static string Summary(CompilationResult result)
    {
        if (result.Circuits.Count == 0)
            return $"ok: {result.Networks.Count} network(s), no program";
        return "ok: " + string.Join("; ", result.Distributed.Select(d =>
            $"program {d.Original.Name} on {d.Original.Network.Name}: {d.Original.Qubits.Length} qubit(s), {d.Original.Bits.Length} bit(s), " +
            $"{d.Original.AllOperations().Count()} operation(s), {DistributionReport.Ebits(d.Circuit)} ebit(s)"));
    }
}
