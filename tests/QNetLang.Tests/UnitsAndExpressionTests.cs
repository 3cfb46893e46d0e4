using QNetLang.Compiler;
using QNetLang.Core;

namespace QNetLang.Tests;

/// <summary>Units convert to canonical values exactly and dimensions are checked per property.</summary>
public class UnitsAndExpressionTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-units-" + Guid.NewGuid().ToString("N"));

    public UnitsAndExpressionTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("ms", 10, 0.01)]
    [InlineData("us", 10, 1e-5)]
    [InlineData("ns", 3, 3e-9)]
    [InlineData("ps", 1, 1e-12)]
    [InlineData("km", 50, 50_000)]
    [InlineData("MHz", 2, 2e6)]
    [InlineData("km/s", 2e5, 2e8)]
    public void UnitsConvertExactly(string unit, double value, double canonical)
    {
        Assert.True(Units.TryConvert(unit, value, out _, out double result));
        Assert.Equal(canonical, result);
    }

    private CompilationResult Compile(string network)
    {
        string path = Path.Combine(_work, "u.qn");
        File.WriteAllText(path, network);
        return QnCompiler.Compile(path, new CompilationOptions { RequireProgram = false });
    }

    [Theory]
    [InlineData("length = 10 ms;", "QN2009")]
    [InlineData("length = 10;", "QN2009")]
    [InlineData("rate = 1 / (10 us);", null)]
    [InlineData("length = 25 km + 500 m;", null)]
    [InlineData("length = 25 km + 5 ms;", "QN2007")]
    [InlineData("loss = 0.2 dB/km;", null)]
    [InlineData("loss = 0.2 dB;", "QN2009")]
    [InlineData("success = 1.5;", "QN2011")]
    [InlineData("kind = laser;", "QN2011")]
    [InlineData("length = 10 furlongs;", "QN2008")]
    [InlineData("cutoff = 2 * 5 ms / 2;", null)]
    [InlineData("length = 1 / 0;", "QN2021")]
    [InlineData("rate = 2 km * 3 km;", "QN2007")]
    public void LinkPropertiesHaveCheckedDimensions(string property, string? code)
    {
        var result = Compile($"network n {{ qpu a {{ qubits = 1; }} qpu b {{ qubits = 1; }} link a -- b {{ {property} }} }}");
        if (code is null) Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        else Assert.Equal(code, Assert.Single(result.Diagnostics.Items).Code);
    }

    [Fact]
    public void DefaultsAreFilledInCanonicalUnits()
    {
        var result = Compile("network n { qpu a { qubits = 1; } qpu b { qubits = 1; } link a -- b { length = 2 km; } }");
        var link = Assert.Single(Assert.Single(result.Networks).Links);
        Assert.Equal(2000, link.Length);
        Assert.Equal(0.2, link.Spec.LossDbPerKm);
        Assert.Equal(1, link.Spec.Fidelity);
        Assert.Equal(QNetLang.Ir.LinkKind.Fiber, link.Kind);
        Assert.Equal(2.0e8, result.Networks[0].FiberSpeed);
    }
}
