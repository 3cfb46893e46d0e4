using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The linear-chain scenario of SeQUeNCe as the benchmark writes it (docs/benchmarks.md): pairs
/// streamed between the ends of a chain of routers for 1 s. At N = 3 routers and one memory per
/// link end the pair count has an exact reference for both pairings: with `link_pairing =
/// instant` the end slots are freed only by the delivery, so the stream is a renewal process
/// whose cycle is the delivery time of two heralded links (4.025 ms attempts, success 0.5·η²
/// with η = 10^(−0.2·5/10) per 5 km arm), a 2 ms swap and 1 ms of news
/// (<see cref="PairTimeReference.MeanRenewals"/>); with `link_pairing = request` (the scenario's,
/// SeQUeNCe's resource manager) the right link asks 1 ms earlier than the left one
/// (<see cref="RequestPairingReference"/>). With more memories the pool is not a renewal process
/// (PooledMemoryTests has its exact reference); at N = 10 the counts are checked against SeQUeNCe's.
/// </summary>
public class SequenceScenarioTests
{
    [Fact]
    public void PairsInOneSecondFollowTheRenewalClosedForm()
    {
        const int memories = 1;
        var network = TestSupport.CompileNetwork(SequenceScenario.Source(3, memories, linkPairing: "instant"));
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

    [Fact]
    public void RequestPairingFollowsTheExactThreeRouterReference()
    {
        var network = TestSupport.CompileNetwork(SequenceScenario.Source(3, 1));
        var result = PairStream.Execute(network, new PairStream.Options { From = "n0", To = "n2", DurationSeconds = 1, Runs = 300, Seed = 47 });
        double expected = RequestPairingReference.ThreeRouters(requestSeconds: 1e-3, attemptSeconds: 3.025e-3, success: 0.5 * Math.Pow(10, -0.2),
            swapSeconds: 2e-3, seconds: 1, gridSeconds: 25e-6);
        var counts = result.Runs.Select(r => (double)r.Pairs).ToArray();
        double mean = counts.Average();
        double standardError = Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1) / counts.Length);
        Assert.True(Math.Abs(mean - expected) <= 3 * standardError, $"{mean:F2} ± {standardError:F2} pairs in 1 s, exact {expected:F2}");
        // A Monte Carlo of the same recursion gives 48.32 ± 0.01; instant pairing, without the right
        // link's 1 ms head start, gives 47.40 (the test above).
        Assert.InRange(expected, 48.28, 48.36);
    }

    /// <summary>
    /// SeQUeNCe 1.0 on the same chain of 10 routers with one memory per link end, run with 40
    /// seeds by the harness in docs/benchmarks.md: 25.55 ± 0.32 pairs in 1 s, F 0.414 (the
    /// reviewer who filed the comparison gave 26.4 and 0.415, without standard errors). The
    /// counts agree within 3 joint standard errors and the fidelity within 0.01.
    /// </summary>
    [Fact]
    public void TenRoutersWithOneMemoryAgreeWithSequence()
    {
        var network = TestSupport.CompileNetwork(SequenceScenario.Source(10, 1));
        var result = PairStream.Execute(network, new PairStream.Options { From = "n0", To = "n9", DurationSeconds = 1, Runs = 100, Seed = 43 });
        var counts = result.Runs.Select(r => (double)r.Pairs).ToArray();
        double mean = counts.Average();
        double standardError = Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1) / counts.Length);
        Assert.True(Math.Abs(mean - 25.55) <= 3 * Math.Sqrt(standardError * standardError + 0.32 * 0.32), $"{mean:F2} ± {standardError:F2} pairs, SeQUeNCe 25.55 ± 0.32");
        Assert.InRange(result.MeanFidelity, 0.404, 0.424);
    }
}
