using System.Text;
using QNetLang.Backends.Qir;
using QNetLang.Compiler;
using QNetLang.Core;

namespace QNetLang.Tests.Qir;

/// <summary>
/// Per-node QIR of programs with runtime classical values (Adaptive Profile with
/// int_computations / float_computations): iterative phase estimation from QNetLang and from
/// the OpenQASM 3 specification over two QPUs, in QIR 2.0 and 1.0. Every module assembles and
/// verifies with LLVM 19, the profile checker reports nothing (no undeclared capability, and no
/// declared one left unused), and the text matches tests/cases/qir/runtime/NAME.expected.qir.
/// </summary>
public class QirRuntimeClassicalTests
{
    /// <summary>The example's QIR 2.0 modules are QirExampleTests' golden file (tests/cases/qir/runtime_phase_estimation.expected.qir).</summary>
    public static IEnumerable<object[]> Cases() =>
    [
        ["examples/runtime_phase_estimation.qn", 1],
        ["tests/cases/qasm_spec/ipe.qasm", 2],
        ["tests/cases/qasm_spec/ipe.qasm", 1],
    ];

    private static SortedDictionary<string, string> Emit(string source, QirVersion version)
    {
        string path = Path.Combine(RepoPaths.Root, source);
        var options = new CompilationOptions { QpuCount = source.EndsWith(".qasm", StringComparison.Ordinal) ? 2 : null };
        var result = QnCompiler.Compile(path, options);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        return Emitters.Produce(result, ["qir"], version);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ModulesAreValidDeclareExactlyWhatTheyUseAndMatchTheGoldenFile(string source, int version)
    {
        var files = Emit(source, (QirVersion)version);
        Assert.Equal(files, Emit(source, (QirVersion)version));
        var text = new StringBuilder();
        bool computes = false;
        foreach (var (name, module) in files)
        {
            string llvm = LlvmTools.Validate(module);
            Assert.True(llvm.Length == 0, $"{name}: {llvm}");
            var diagnostics = QirProfileChecker.Check(new SourceText(name, module));
            Assert.True(diagnostics.Count == 0, $"{name}:\n{string.Join("\n", diagnostics)}");
            computes |= module.Contains("!\"int_computations\"", StringComparison.Ordinal);
            text.Append(";;;; ").Append(name).Append('\n').Append(module).Append('\n');
        }
        Assert.True(computes, "some node computes on integers at run time");
        string stem = Path.GetFileNameWithoutExtension(source) + (version == 1 ? "_qir1" : "");
        Golden.Verify(Path.Combine(RepoPaths.Cases, "qir", "runtime", stem), "qir", text.ToString());
    }

    /// <summary>Removing a capability flag from an emitted module makes the checker report each use as undeclared (QN4204).</summary>
    [Fact]
    public void AModuleWithoutItsCapabilityFlagsIsRejected()
    {
        var (name, module) = Emit("examples/runtime_phase_estimation.qn", QirVersion.Two).First(f => f.Value.Contains("int_computations", StringComparison.Ordinal));
        // Only the four required flags stay listed; the capability metadata is left unreferenced.
        string stripped = System.Text.RegularExpressions.Regex.Replace(module, @"!llvm\.module\.flags = !\{[^}]*\}", "!llvm.module.flags = !{!0, !1, !2, !3}");
        Assert.NotEqual(module, stripped);
        var diagnostics = QirProfileChecker.Check(new SourceText(name, stripped));
        Assert.Contains(diagnostics, d => d.Code == "QN4204" && d.Message.Contains("int_computations", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "QN4204" && d.Message.Contains("float_computations", StringComparison.Ordinal));
    }

    public static IEnumerable<object[]> VerifyCases() => RepoPaths.CaseFiles(Path.Combine("qir", "verify"), ".ll");

    /// <summary>
    /// `qnlc verify-qir` on modules that compute on integers and doubles (tests/cases/qir/verify):
    /// accepted with the capabilities declared, QN4204 at each instruction whose capability is
    /// not (golden NAME.expected.diag: what the command prints, paths relative to tests/cases).
    /// </summary>
    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void VerifyQirAcceptsDeclaredComputationsAndRejectsUndeclaredOnes(string casePath)
    {
        string path = Path.Combine(RepoPaths.Cases, casePath);
        Assert.Equal("", LlvmTools.Validate(File.ReadAllText(path)));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int exit = QNetLang.Compiler.Commands.VerifyQir.Run(path, stdout, stderr);
        Assert.Equal(stderr.ToString().Contains(": error ", StringComparison.Ordinal) ? 1 : 0, exit);
        Golden.Verify(path, "diag", TestCompiler.RelativeToCases(stderr.ToString() + stdout.ToString()));
    }
}
