// What one large document's analysis costs the garbage collector: bytes allocated, collections
// of each generation and the total time every thread was paused, for the compiler stopped after
// each stage. Every pause stops every other document's analysis in the same server, so this is
// what document-delay.mjs sees as the worst delays. The document has document-delay.mjs's shape.
//
//   dotnet run bench/lsp/analysis-gc.cs -- [--lines N] [--rounds R]
#:project ../../src/QNetLang.Compiler/QNetLang.Compiler.csproj
#:property Configuration=Release
using System.Diagnostics;
using System.Text;
using QNetLang.Compiler;

int Option(string name, int fallback) => Array.IndexOf(args, name) is int i and >= 0 ? int.Parse(args[i + 1]) : fallback;
int lines = Option("--lines", 60000);
int rounds = Option("--rounds", 2);

const string network = "network lab {\n    qpu alice { qubits = 8; }\n    qpu bob { qubits = 8; }\n    link alice -- bob { length = 1 km; }\n}\n";
var body = new StringBuilder();
for (int i = 0; i < lines - 12; i++)
    body.Append("    ").Append(i % 3 == 0 ? "h" : i % 3 == 1 ? "cx" : "rz(0.1)").Append(' ')
        .Append(i % 3 == 1 ? $"q[{i % 4}], r[{i % 4}]" : $"q[{i % 4}]").Append(";\n");
string text = $"{network}program big on lab {{\n    qubit[4] q @ alice;\n    qubit[4] r @ bob;\n    bit[4] c;\n{body}    c = measure q;\n}}\n";
string path = Path.Combine(Path.GetTempPath(), "analysis-gc.qn");

Console.WriteLine($"{lines} lines; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
foreach (var stage in new[] { CompilerStage.Parse, CompilerStage.Bind, CompilerStage.Lower, CompilerStage.Emit })
{
    for (int round = 0; round < rounds; round++)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var result = QnCompiler.CompileText(path, text, new CompilationOptions { RequireProgram = false, StopAfter = stage });
        watch.Stop();
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Items));
        Console.WriteLine($"to {stage,-6} round {round}: {watch.ElapsedMilliseconds,6} ms, allocated {(GC.GetTotalAllocatedBytes(true) - allocated) >> 20,4} MiB, " +
            $"collections gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds,5:F0} ms");
    }
}
