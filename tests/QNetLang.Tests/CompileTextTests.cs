using QNetLang.Compiler;
using QNetLang.Syntax;

namespace QNetLang.Tests;

/// <summary>QnCompiler.CompileText: an editor buffer compiled as if it were the file on disk.</summary>
public class CompileTextTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-text-" + Guid.NewGuid().ToString("N"));

    public CompileTextTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private const string Network = "network n { qpu a { qubits = 2; } qpu b { qubits = 2; } link a -- b; }\n";

    [Fact]
    public void TheTextIsCompiledNotTheFileOnDisk()
    {
        string path = Path.Combine(_work, "p.qn");
        File.WriteAllText(path, "this is not QNetLang");
        var result = QnCompiler.CompileText(path, Network + "program p on n { qubit x @ a; h x; }", new CompilationOptions());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        Assert.Single(result.Circuits);
        Assert.Equal(path, result.MainUnit!.Source.Path);
    }

    [Fact]
    public void IncludesResolveNextToThePathAndPreferOpenBuffers()
    {
        File.WriteAllText(Path.Combine(_work, "net.qn"), Network);
        string main = Path.Combine(_work, "main.qn"); // never written: an unsaved buffer
        const string program = "include \"net.qn\";\nprogram p on n { qubit x @ b; h x; }";
        Assert.True(QnCompiler.CompileText(main, program, new CompilationOptions()).Success);

        // The open buffer of net.qn renames b; the file on disk is not read.
        var overrides = new Dictionary<string, string> { [Path.GetFullPath(Path.Combine(_work, "net.qn"))] = Network.Replace(" b ", " c ").Replace("-- b", "-- c") };
        var result = QnCompiler.CompileText(main, program, new CompilationOptions { SourceOverrides = overrides });
        Assert.Equal("QN2013", Assert.Single(result.Diagnostics.Items).Code);
    }

    [Fact]
    public void BuffersAreHeldToTheFileSizeLimit()
    {
        string huge = new('/', (int)SyntaxLimits.MaxFileBytes + 1);
        var result = QnCompiler.CompileText(Path.Combine(_work, "huge.qn"), huge, new CompilationOptions { RequireProgram = false });
        Assert.Equal("QN1008", Assert.Single(result.Diagnostics.Items).Code);
    }
}
