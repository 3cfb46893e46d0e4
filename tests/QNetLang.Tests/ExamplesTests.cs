using QNetLang.Compiler;
using QNetLang.Ir;

namespace QNetLang.Tests;

/// <summary>Every file in examples/ passes `check` without a single diagnostic and lowers to valid IR.</summary>
public class ExamplesTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.qn", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(RepoPaths.Examples, f).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleChecksCleanly(string example)
    {
        var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, example), new CompilationOptions { RequireProgram = false });
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Items));
        foreach (var circuit in result.Circuits) Assert.Empty(IrValidator.Validate(circuit));
    }

    [Fact]
    public void TheExamplesCoverEveryApplication()
    {
        string[] expected =
        [
            "teleportation.qn", "ghz_sensing.qn", "distributed_qft.qn", "bb84.qn", "e91.qn",
            "repeater_chain.qn", "blind_computation.qn", "trusted_node_qkd.qn", "satellite_link.qn",
        ];
        foreach (var name in expected) Assert.True(File.Exists(Path.Combine(RepoPaths.Examples, name)), name);
        // Every program example has at least one qubit placed by the partitioner or pinned, and does something.
        foreach (var name in expected)
        {
            var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, name), new CompilationOptions());
            Assert.True(result.Success, name);
            Assert.NotEmpty(result.Circuits);
            Assert.All(result.Circuits, c => Assert.NotEmpty(c.Operations));
        }
    }
}
