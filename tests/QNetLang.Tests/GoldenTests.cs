using System.Text;
using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Syntax;

namespace QNetLang.Tests;

/// <summary>
/// One golden file per case and stage: tests/cases/parse (AST dump), bind (symbols), lower (IR),
/// qasm (OpenQASM import → IR) and diagnostics (the messages, one file per error class).
/// </summary>
public class GoldenTests
{
    public static IEnumerable<object[]> ParseCases() => RepoPaths.CaseFiles("parse", ".qn");
    public static IEnumerable<object[]> BindCases() => RepoPaths.CaseFiles("bind", ".qn");
    public static IEnumerable<object[]> LowerCases() => RepoPaths.CaseFiles("lower", ".qn");
    public static IEnumerable<object[]> QasmCases() => RepoPaths.CaseFiles("qasm", ".qasm");
    public static IEnumerable<object[]> DiagnosticCases() => RepoPaths.CaseFiles("diagnostics", ".qn", ".qasm");
    public static IEnumerable<object[]> PassCases() =>
        RepoPaths.CaseFiles("passes", ".qn").SelectMany(c => new[] { "partition", "distribute", "route", "schedule" }.Select(p => new[] { c[0], p }));

    /// <summary>One golden file per case and pass, showing the IR before and after the pass (the schedule pass shows the per-node programs).</summary>
    [Theory]
    [MemberData(nameof(PassCases))]
    public void Pass(string casePath, string pass)
    {
        var stages = new[] { CompilerStage.Lower, CompilerStage.Partition, CompilerStage.Distribute, CompilerStage.Route, CompilerStage.Schedule };
        int index = Array.FindIndex(stages, s => CompilerStages.Name(s) == pass);
        string Ir(CompilerStage stage)
        {
            var result = QnCompiler.Compile(Path.Combine(RepoPaths.Cases, casePath), new CompilationOptions { StopAfter = stage, ValidateAfterEachPass = true });
            Assert.True(result.Success, TestCompiler.Diagnostics(result));
            if (stage == CompilerStage.Lower) return IrPrinter.Print(Assert.Single(result.Circuits));
            var program = Assert.Single(result.Distributed);
            return stage == CompilerStage.Schedule
                ? DistributedProgramPrinter.Print(program.Program!)
                : IrPrinter.Print(program.Circuit);
        }
        string text = $"# before {pass}\n{Ir(stages[index - 1])}\n# after {pass}\n{Ir(stages[index])}";
        Golden.Verify(Path.Combine(RepoPaths.Cases, casePath), pass, text);
    }

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void Parse(string casePath)
    {
        var result = TestCompiler.Compile(casePath, CompilerStage.Parse);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Golden.Verify(Path.Combine(RepoPaths.Cases, casePath), "ast", AstPrinter.Print(result.MainUnit!));
    }

    [Theory]
    [MemberData(nameof(BindCases))]
    public void Bind(string casePath)
    {
        var result = TestCompiler.Compile(casePath, CompilerStage.Bind);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var text = new StringBuilder();
        foreach (var program in result.BoundPrograms) text.Append(BoundProgramPrinter.Print(program));
        Golden.Verify(Path.Combine(RepoPaths.Cases, casePath), "bound", text.ToString());
    }

    [Theory]
    [MemberData(nameof(LowerCases))]
    public void Lower(string casePath)
    {
        var result = TestCompiler.Compile(casePath);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Golden.Verify(Path.Combine(RepoPaths.Cases, casePath), "ir", PrintCircuits(result));
    }

    [Theory]
    [MemberData(nameof(QasmCases))]
    public void Qasm(string casePath)
    {
        var result = TestCompiler.Compile(casePath);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var text = AstPrinter.Print(result.MainUnit!) + "\n" + PrintCircuits(result);
        Golden.Verify(Path.Combine(RepoPaths.Cases, casePath), "ir", text);
    }

    [Theory]
    [MemberData(nameof(DiagnosticCases))]
    public void Diagnostics(string casePath)
    {
        var result = TestCompiler.Compile(casePath);
        string code = Path.GetFileName(casePath)[..6];
        Assert.Contains(result.Diagnostics.Items, d => d.Code == code);
        Golden.Verify(Path.Combine(RepoPaths.Cases, casePath), "diag", TestCompiler.Diagnostics(result));
    }

    private static string PrintCircuits(CompilationResult result)
    {
        var text = new StringBuilder();
        foreach (var circuit in result.Circuits)
        {
            Assert.Empty(IrValidator.Validate(circuit));
            text.Append(IrPrinter.Print(circuit));
        }
        return text.ToString();
    }
}
