using QNetLang.Compiler;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// Checking a program must cost time proportional to its declared qubits and operations. The
/// size is chosen so that the quadratic behaviour this guards against (the FM refiner scanned
/// every vertex for every move, on 32 restarts: 20 000 idle qubits took two minutes) would
/// need most of an hour, while the linear passes take seconds even on a loaded machine; the
/// guard is a cancellation far between the two, not a timing measurement.
/// </summary>
public class DeclaredQubitsScaleTests
{
    [Fact]
    public async Task OneHundredThousandIdleQubitsCompileThroughEveryStage()
    {
        const int qubits = 100_000;
        var guard = TimeSpan.FromMinutes(4);
        string text = $"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[{qubits}] q;\nh q[0];\n";
        var compile = Task.Run(() => QnCompiler.CompileText("idle.qasm", text, new CompilationOptions { QpuCount = 2, StopAfter = CompilerStage.Schedule }));
        var first = await Task.WhenAny(compile, Task.Delay(guard));
        Assert.True(first == compile, "compiling 100 000 idle qubits did not finish within the guard: a pass is no longer linear in the qubits");
        var result = await compile;
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var program = Assert.Single(result.Distributed);
        Assert.Equal(qubits, program.Circuit.Qubits.Count(q => q.Role == QNetLang.Ir.QubitRole.Data));
    }
}
