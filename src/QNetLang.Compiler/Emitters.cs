using System.Diagnostics;
using QNetLang.Backends;
using QNetLang.Backends.Qasm3;
using QNetLang.Backends.Qir;
using QNetLang.Backends.Reports;
using QNetLang.Ir;

namespace QNetLang.Compiler;

/// <summary>
/// The outputs `qnlc build --emit` can write, each a function from the compilation result to
/// files (relative path → text). Files are produced in memory first so that nothing is written
/// when any step fails.
/// <list type="bullet">
/// <item><c>ir</c>: PROGRAM.ir (the lowered circuit) and PROGRAM.distributed.ir</item>
/// <item><c>qasm3</c>: PROGRAM/NODE.qasm per node, PROGRAM/manifest.json, PROGRAM.flat.qasm</item>
/// <item><c>qir</c>: PROGRAM/NODE.ll per node (QIR 2.0, or 1.0 with typed pointers; docs/qir.md)</item>
/// <item><c>report</c>: report.json (written last: its timings include the other outputs)</item>
/// <item><c>dot</c>: PROGRAM.dot (the network with the pairs each link carries)</item>
/// </list>
/// </summary>
public static class Emitters
{
    public static IReadOnlyList<string> Available { get; } = ["ir", "qasm3", "qir", "report", "dot"];

    /// <summary>Emitters that arrive with later work.</summary>
    public static IReadOnlyList<string> Planned { get; } = [];

    public static SortedDictionary<string, string> Produce(CompilationResult result, IEnumerable<string> kinds, QirVersion qirVersion = QirVersion.Two)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var wanted = kinds.Distinct().ToList();
        // The report comes last, so that its "emit" step can time the other outputs.
        foreach (string kind in wanted.Where(k => k != "report").Append("report").Where(wanted.Contains))
        {
            switch (kind)
            {
                case "ir":
                    foreach (var circuit in result.Circuits) files[$"{circuit.Name}.ir"] = IrPrinter.Print(circuit);
                    foreach (var program in result.Distributed) files[$"{program.Circuit.Name}.distributed.ir"] = IrPrinter.Print(program.Circuit);
                    break;
                case "qasm3":
                    foreach (var program in result.Distributed)
                    {
                        string name = program.Circuit.Name;
                        files[$"{name}.flat.qasm"] = FlatQasmEmitter.Emit(program.Circuit, "Flattened distributed circuit");
                        if (program.Program is not { } distributed) continue;
                        foreach (var node in distributed.Nodes) files[$"{name}/{node.Node}.qasm"] = NodeQasmEmitter.Emit(distributed, node);
                        files[$"{name}/manifest.json"] = ManifestWriter.Write(distributed, node => $"{node}.qasm");
                    }
                    break;
                case "qir":
                    foreach (var program in result.Distributed)
                    {
                        if (program.Program is not { } distributed) continue;
                        foreach (var node in distributed.Nodes)
                            files[$"{program.Circuit.Name}/{node.Node}.ll"] = NodeQirEmitter.Emit(distributed, node, qirVersion);
                    }
                    break;
                case "report":
                {
                    double emitMs = clock.Elapsed.TotalMilliseconds;
                    List<(string Name, double Milliseconds)> steps = [.. result.Timings, ("emit", emitMs)];
                    double compileMs = result.CompileMilliseconds + emitMs;
                    files["report.json"] = ReportWriter.Write([.. result.Distributed.Select(d => new ReportInput(d.Original, d.Circuit, d.Program, d.Context.Statistics, d.Context.Seed, steps, compileMs))]);
                    break;
                }
                case "dot":
                    foreach (var program in result.Distributed) files[$"{program.Circuit.Name}.dot"] = DotWriter.Write(program.Circuit);
                    break;
                default:
                    throw new ArgumentException($"no emitter '{kind}'", nameof(kinds));
            }
        }
        return files;
    }
}
