using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The linear-chain scenario of SeQUeNCe as the benchmark writes it (docs/benchmarks.md): pairs
/// streamed between the ends of a chain of routers for 1 s. At N = 3 routers the pair count of
/// our model has a closed form: each of the M request slots asks again as soon as its pair is
/// delivered, so it is a renewal process whose cycle is the delivery time of two heralded links
/// (4.025 ms attempts, success 0.5·η² with η = 10^(−0.2·5/10) per 5 km arm), a 2 ms swap and
/// 1 ms of news; pairs in 1 s = M·E[N(1 s)] (<see cref="PairTimeReference.MeanRenewals"/>).
/// </summary>
public class SequenceScenarioTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void PairsInOneSecondFollowTheRenewalClosedForm(int memories)
    {
        var network = TestSupport.CompileNetwork(SequenceScenario.Source(3, memories));
        var result = PairStream.Execute(network, new PairStream.Options { From = "n0", To = "n2", DurationSeconds = 1, Runs = 200, Seed = 41 });
        var reference = new PairTimeReference(gridSeconds: 25e-6, log2Bins: 18);
        var delivery = reference.NestedChainDelivery(links: 2, attemptSeconds: 4.025e-3, success: 0.5 * Math.Pow(10, -0.2), hopSeconds: 1e-3, swapSuccess: 1, swapSeconds: 2e-3);
        double expected = memories * reference.MeanRenewals(delivery, 1);
        var counts = result.Runs.Select(r => (double)r.Pairs).ToArray();
        double mean = counts.Average();
        double standardError = Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1) / counts.Length);
        Assert.True(Math.Abs(mean - expected) <= 3 * standardError,
            $"M = {memories}: {mean:F2} ± {standardError:F2} pairs in 1 s, closed form {expected:F2}");
        // Werner pairs of F = 0.9 swapped once: w² before the memories' decay, which only lowers it.
        double fresh = (1 + 3 * Math.Pow((4 * 0.9 - 1) / 3, 2)) / 4;
        Assert.InRange(result.MeanFidelity, fresh - 0.02, fresh);
    }
}
