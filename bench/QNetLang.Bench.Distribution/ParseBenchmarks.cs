using System.Diagnostics;
using System.Globalization;
using System.Text;
using QNetLang.Core;
using QNetLang.Syntax;
using QNetLang.Syntax.Qasm;

namespace QNetLang.Bench.Distribution;

/// <summary>
/// The front ends alone (text → AST, nothing after): the ANTLR OpenQASM front end, the flat
/// OpenQASM reader, and the ANTLR .qn front end on the same gates written as a .qn program of
/// about the same size. Best of three rounds each, in wall time, process CPU time and bytes
/// allocated by the parsing thread.
/// </summary>
public static class ParseBenchmarks
{
    public static string Run()
    {
        var sb = new StringBuilder("| gates | front end | characters | best wall ms | its CPU ms | MB allocated |\n|---|---|---|---|---|---|\n");
        foreach (int gates in new[] { 250_000, 500_000, 1_000_000 })
        {
            string qasm = Tables.RandomCircuit(200, gates, 7);
            string qn = AsQnProgram(qasm);
            var readers = new (string Name, string Text, Func<SourceText, DiagnosticBag, object?> Parse)[]
            {
                ("OpenQASM, ANTLR", qasm, (s, d) => QasmSyntax.ParseWithAntlr(s, d)),
                ("OpenQASM, flat reader", qasm, (s, d) => QasmSyntax.Parse(s, d)),
                (".qn, ANTLR", qn, (s, d) => QnSyntax.Parse(s, d)),
            };
            foreach (var (name, text, parse) in readers)
            {
                double bestWall = double.MaxValue, bestCpu = 0, megabytes = 0;
                for (int round = 0; round < 3; round++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var source = new SourceText(name.StartsWith(".qn", StringComparison.Ordinal) ? "circuit.qn" : "circuit.qasm", text);
                    var diagnostics = new DiagnosticBag();
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    var unit = parse(source, diagnostics);
                    double wall = clock.Elapsed.TotalMilliseconds;
                    double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    long bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
                    if (unit is null || diagnostics.HasErrors) throw new InvalidOperationException($"{name}: {string.Join("; ", diagnostics.Items)}");
                    GC.KeepAlive(unit);
                    if (wall < bestWall) (bestWall, bestCpu, megabytes) = (wall, cpuMs, bytes / 1e6);
                }
                sb.Append(CultureInfo.InvariantCulture, $"| {gates} | {name} | {text.Length} | {bestWall:0} | {bestCpu:0} | {megabytes:0} |\n");
                Console.Error.WriteLine($"{gates} {name}: {bestWall:0} ms");
            }
        }
        sb.Append(CultureInfo.InvariantCulture, $"\nload average at the end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}\n");
        return sb.ToString();
    }

    /// <summary>The same gates as a .qn program on a one-QPU network: the header and declaration differ, every gate line is the same text.</summary>
    private static string AsQnProgram(string qasm)
    {
        int body = qasm.IndexOf("] q;\n", StringComparison.Ordinal) + "] q;\n".Length;
        return "network n { qpu a { qubits = 200; } }\nprogram circuit on n {\nqubit[200] q;\n" + qasm[body..] + "}\n";
    }
}
