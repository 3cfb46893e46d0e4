using System.Text;
using QNetLang.Backends.Qir;
using QNetLang.Compiler;
using QNetLang.Core;

namespace QNetLang.Tests.Qir;

/// <summary>
/// Every example's per-node QIR: LLVM 19 assembles and verifies each module, the profile checker
/// accepts it, the output is deterministic, and it matches tests/cases/qir/EXAMPLE.expected.qir
/// (all of the example's modules, each after a <c>;;;; FILE</c> line).
/// </summary>
public class QirExampleTests
{
    /// <summary>Every example whose per-node QIR is written (one the Adaptive Profile cannot express is refused with QN3009, CliTests).</summary>
    public static IEnumerable<object[]> Examples() => AllExamples().Where(e => !HasUnexpressible((string)e[0]));

    private static IEnumerable<object[]> AllExamples() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.qn").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    internal static bool HasUnexpressible(string example)
    {
        var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, example), new CompilationOptions());
        return result.Distributed.Any(d => d.Program is { } p && NodeQirEmitter.FirstUnexpressible(p) is not null);
    }

    private static SortedDictionary<string, string> Emit(string example)
    {
        var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, example), new CompilationOptions());
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        return Emitters.Produce(result, ["qir"]);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ModulesPassLlvmAndTheProfileChecker(string example)
    {
        var files = Emit(example);
        Assert.NotEmpty(files);
        foreach (var (name, text) in files)
        {
            Assert.EndsWith(".ll", name, StringComparison.Ordinal);
            string llvm = LlvmTools.Validate(text);
            Assert.True(llvm.Length == 0, $"{name}: {llvm}");
            var diagnostics = QirProfileChecker.Check(new SourceText(name, text));
            Assert.True(diagnostics.Count == 0, $"{name}:\n{string.Join("\n", diagnostics)}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ModulesMatchTheGoldenFile(string example)
    {
        var files = Emit(example);
        Assert.Equal(files, Emit(example));
        var text = new StringBuilder();
        foreach (var (name, module) in files) text.Append(";;;; ").Append(name).Append('\n').Append(module).Append('\n');
        Golden.Verify(Path.Combine(RepoPaths.Cases, "qir", example), "qir", text.ToString());
    }
}

/// <summary>Programs beyond the examples: a single-node program gets one Base Profile module, and the OpenQASM cases (which use the gates that need decomposing) give valid modules.</summary>
public class QirCaseTests
{
    public static IEnumerable<object[]> QasmCases() => RepoPaths.CaseFiles("qasm", ".qasm");

    private static void AssertValid(string name, string text)
    {
        string llvm = LlvmTools.Validate(text);
        Assert.True(llvm.Length == 0, $"{name}: {llvm}");
        var diagnostics = QirProfileChecker.Check(new SourceText(name, text));
        Assert.True(diagnostics.Count == 0, $"{name}:\n{string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void ASingleNodeProgramIsOneBaseProfileModule()
    {
        var result = TestCompiler.Compile("passes/all_local.qn");
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var (name, text) = Assert.Single(Emitters.Produce(result, ["qir"]));
        Assert.Contains("\"qir_profiles\"=\"base_profile\"", text, StringComparison.Ordinal);
        Assert.Contains("__quantum__qis__ccx__body", text, StringComparison.Ordinal);
        AssertValid(name, text);
    }

    /// <summary>Conditions with else branches, negation, conjunction, disjunction and folded constants become forward branch trees.</summary>
    [Fact]
    public void ConditionsBecomeForwardBranchTrees()
    {
        var result = TestCompiler.Compile("lower/conditions.qn");
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var (name, text) = Assert.Single(Emitters.Produce(result, ["qir"]));
        Assert.Contains("\"qir_profiles\"=\"adaptive_profile\"", text, StringComparison.Ordinal);
        Assert.Contains("else_", text, StringComparison.Ordinal);
        Assert.Contains("test_", text, StringComparison.Ordinal);
        AssertValid(name, text);
        Golden.Verify(Path.Combine(RepoPaths.Cases, "qir", "conditions.qn"), "qir", text);
    }

    [Theory]
    [MemberData(nameof(QasmCases))]
    public void OpenQasmCasesGiveValidModules(string casePath)
    {
        var result = TestCompiler.Compile(casePath);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        // What the Adaptive Profile cannot express has no per-node QIR: `qnlc build --emit qir` refuses it (QN3009, CliTests).
        if (result.Distributed.Any(d => d.Program is { } p && NodeQirEmitter.FirstUnexpressible(p) is not null)) return;
        foreach (var (name, text) in Emitters.Produce(result, ["qir"])) AssertValid(name, text);
    }
}
