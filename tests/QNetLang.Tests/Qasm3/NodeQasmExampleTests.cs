using System.Text;
using QNetLang.Compiler;

namespace QNetLang.Tests.Qasm3;

/// <summary>
/// Every example's per-node OpenQASM 3 files and manifest — the programs `qnlc run
/// manifest.json` executes — match tests/cases/qasm3/EXAMPLE.expected.qasm3 (every file of the
/// example, each after a <c>//// FILE</c> line), and the output is the same on every build.
/// </summary>
public class NodeQasmExampleTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.qn").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    private static SortedDictionary<string, string> Emit(string example)
    {
        var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, example), new CompilationOptions());
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        return Emitters.Produce(result, ["qasm3"]);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void NodeProgramsMatchTheGoldenFile(string example)
    {
        var files = Emit(example);
        Assert.Equal(files, Emit(example));
        var perNode = files.Where(f => f.Key.Contains('/', StringComparison.Ordinal)).ToList();
        Assert.Contains(perNode, f => f.Key.EndsWith("/manifest.json", StringComparison.Ordinal));
        var text = new StringBuilder();
        foreach (var (name, content) in perNode) text.Append("//// ").Append(name).Append('\n').Append(content).Append('\n');
        Golden.Verify(Path.Combine(RepoPaths.Cases, "qasm3", example), "qasm3", text.ToString());
    }
}
