using BenchmarkDotNet.Attributes;

namespace QNetLang.Bench.Distribution;

/// <summary>BenchmarkDotNet timing of the distribution stages on the hardest literature row (48 qubits, 6 QPUs, CZ fraction 0.9).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private readonly string _circuit = CircuitFamilies.CzFraction(48, 0.9, 0);

    [Benchmark]
    public int CzFraction48On6() => DistributionRun.Run(_circuit, 6, seed: 0).Ebits;
}
