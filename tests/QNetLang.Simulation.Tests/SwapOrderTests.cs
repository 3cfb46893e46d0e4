namespace QNetLang.Simulation.Tests;

/// <summary>
/// Swap order (`swap = nested | asap`, docs/simulator.md §9) against closed forms: on two links
/// the orders are the same protocol; on more, asap saves the classical messages between levels.
/// </summary>
public class SwapOrderTests
{
    private const string BellProgram = """
        program bell on chain {
            qubit[2] a @ alice;
            qubit[2] b @ bob;
            epr a[0], b[0];
        }
        """;

    private static string Chain(int links, string link, string repeater, string network) =>
        NetworkPhysicsTests.Chain(links, link, repeater).Replace("network chain {\n", "network chain {\n  " + network + "\n", StringComparison.Ordinal);

    [Fact]
    public void OnTwoLinksAsapIsTheNestedProtocol()
    {
        const string link = "length = 30 km; success = 0.2; rate = 1 MHz; fidelity = 0.95;";
        const string repeater = "memories = 2; t2 = 50 ms; swap_success = 0.5; swap_time = 10 us; measure_error = 0.01;";
        var nested = TestSupport.Run(TestSupport.Compile(Chain(2, link, repeater, "swap = nested;") + BellProgram), 2000, seed: 51).Pairs.Single();
        var asap = TestSupport.Run(TestSupport.Compile(Chain(2, link, repeater, "swap = asap;") + BellProgram), 2000, seed: 51).Pairs.Single();
        Assert.Equal(nested.Count, asap.Count);
        Assert.Equal(nested.MeanFidelity, asap.MeanFidelity);
        Assert.Equal(nested.MeanWaitPs, asap.MeanWaitPs);
        Assert.Equal(nested.MeanAttempts, asap.MeanAttempts);
    }

    /// <summary>E[max of n geometric(p) attempt counts] and its second moment, from P(M ≥ m) = 1 − (1 − (1−p)^(m−1))^n.</summary>
    private static (double Mean, double SecondMoment) MaxOfGeometrics(int n, double p)
    {
        double mean = 0, second = 0;
        for (int m = 1; m < 100_000; m++)
        {
            double atLeast = 1 - Math.Pow(1 - Math.Pow(1 - p, m - 1), n);
            if (atLeast < 1e-18) break;
            mean += atLeast;
            second += (2 * m - 1) * atLeast;
        }
        return (mean, second);
    }

    /// <summary>
    /// Deterministic swaps of no duration on co-located links with a classical delay d per
    /// message: asap swaps each repeater when its two links have heralded, so the pair is
    /// delivered d after the last link heralds; nested waits d more per level of the tree
    /// (two levels for four links, three for eight).
    /// </summary>
    [Theory]
    [InlineData(4, 0.3, 2)]
    [InlineData(8, 0.2, 3)]
    public void AsapSavesTheMessagesBetweenLevels(int links, double success, int levels)
    {
        const double attempt = 1e-3, delay = 5e-3;
        string link = $"success = {success}; attempt_time = 1 ms; fidelity = 0.97;";
        const string repeater = "memories = 2; measure_error = 0.02;";
        var (mean, second) = MaxOfGeometrics(links, success);
        double standardError(long count) => attempt * Math.Sqrt((second - mean * mean) / count);
        // Without memory decay: the Werner links and each swap's readout flips (e on each of its two
        // outcomes: I (1−e)², X and Z e(1−e), Y e²) compose; the fidelity is the I weight.
        var flips = new Noise.BellDiagonal(0.98 * 0.98, 0.02 * 0.98, 0.02 * 0.02, 0.02 * 0.98);
        var fresh = Noise.BellDiagonal.Werner(0.97);
        for (int i = 1; i < links; i++) fresh = fresh.Compose(Noise.BellDiagonal.Werner(0.97)).Compose(flips);
        foreach (var (order, messages) in new[] { ("asap", 1), ("nested", levels) })
        {
            var pair = TestSupport.Run(TestSupport.Compile(Chain(links, link, repeater, $"swap = {order}; classical_delay = 5 ms;") + BellProgram), 3000, seed: 52).Pairs.Single();
            double expected = mean * attempt + messages * delay;
            double wait = pair.MeanWaitPs * 1e-12;
            Assert.True(Math.Abs(wait - expected) <= 4 * standardError(pair.Count), $"{order}: wait {wait * 1e3:F4} ms, closed form {expected * 1e3:F4} ms ± {standardError(pair.Count) * 1e3:F4}");
            Assert.Equal(fresh.I, pair.MeanFidelity, 9);
        }
    }

    [Fact]
    public void AsapPairsHaveTheirMemoryDecayAndCutoff()
    {
        // Memories that dephase, a cutoff and failing swaps: every pair arrives, no better than fresh.
        const string link = "length = 20 km; success = 0.1; rate = 1 MHz; fidelity = 0.98; cutoff = 5 ms;";
        const string repeater = "memories = 2; t2 = 20 ms; swap_success = 0.5; swap_time = 10 us;";
        var result = TestSupport.Run(TestSupport.Compile(Chain(4, link, repeater, "swap = asap;") + BellProgram), 500, seed: 53);
        var pair = result.Pairs.Single();
        Assert.Equal(500, pair.Count);
        double fresh = (1 + 3 * Math.Pow((4 * 0.98 - 1) / 3, 4)) / 4;
        Assert.InRange(pair.MeanFidelity, 0.25, fresh);
        Assert.True(pair.MeanFidelity < fresh - 1e-3, "waiting pairs dephase");
    }
}
