using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Pooled memories (`link_memories = pooled`): pair counts against the exact Markov-chain
/// references of <see cref="PooledMemoryReference"/>, the nested swap partners against
/// SeQUeNCe's doubling rule, determinism per seed, and SeQUeNCe's linear chain.
/// </summary>
public class PooledMemoryTests
{
    private const double Success = 0.3;
    private const int Steps = 248; // attempts of 4.025 ms that end by 1 s

    /// <summary>A chain with co-located nodes (no travel), instantaneous swaps and M memories per link end.</summary>
    private static string Chain(int nodes, int memories, string extra = "") =>
        "network chain {\n  link_memories = pooled;\n" + extra
        + string.Concat(Enumerable.Range(0, nodes).Select(i => i == 0 || i == nodes - 1
            ? $"  qpu n{i} {{ qubits = 1; comm = {memories}; }}\n"
            : $"  repeater n{i} {{ memories = {2 * memories}; }}\n"))
        + string.Concat(Enumerable.Range(0, nodes - 1).Select(i => $"  link n{i} -- n{i + 1} {{ attempt_time = 4.025 ms; success = {Success}; }}\n"))
        + "}\n";

    private static (double Mean, double StandardError, PairStream.Result Result) Stream(string source, int nodes, int runs, long seed = 5)
    {
        var network = TestSupport.CompileNetwork(source);
        var result = PairStream.Execute(network, new PairStream.Options { From = "n0", To = $"n{nodes - 1}", DurationSeconds = 1, Runs = runs, Seed = seed });
        var counts = result.Runs.Select(r => (double)r.Pairs).ToArray();
        double mean = counts.Average();
        return (mean, Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1) / counts.Length), result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void OneLinkDeliversEverySlotsSuccesses(int memories)
    {
        var (mean, se, _) = Stream(Chain(2, memories), 2, runs: 200);
        double expected = PooledMemoryReference.OneLink(memories, Steps, Success);
        Assert.True(Math.Abs(mean - expected) <= 3 * se, $"M = {memories}: {mean:F2} ± {se:F2}, exact {expected:F2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void TwoLinksFollowTheExactMarkovChain(int memories)
    {
        var (mean, se, _) = Stream(Chain(3, memories), 3, runs: 200);
        double expected = PooledMemoryReference.TwoLinks(memories, Steps, Success);
        Assert.True(Math.Abs(mean - expected) <= 3 * se, $"M = {memories}: {mean:F2} ± {se:F2}, exact {expected:F2}");
    }

    [Fact]
    public void TheMarkovChainOfOneSlotIsTheSlowerOfTwoGeometricLinks()
    {
        // M = 1: a cycle ends when both links have succeeded, E = 1/p + 1/p − 1/(1 − (1 − p)²) periods,
        // so over many periods the rate tends to 1/E per period.
        double cycle = 2 / Success - 1 / (1 - (1 - Success) * (1 - Success));
        int steps = 200_000;
        Assert.Equal(steps / cycle, PooledMemoryReference.TwoLinks(1, steps, Success), 0);
    }

    [Fact]
    public void PoolingDeliversMoreThanReservingWhenSlotsAreShared()
    {
        // The same two-link chain with M = 4: per-request reservation is four independent M = 1 chains.
        double pooled = PooledMemoryReference.TwoLinks(4, Steps, Success);
        double reserved = 4 * PooledMemoryReference.TwoLinks(1, Steps, Success);
        Assert.True(pooled > reserved * 1.05, $"pooled {pooled:F1}, reserved {reserved:F1}");
        var (mean, se, _) = Stream(Chain(3, 4).Replace("link_memories = pooled", "link_memories = per_request"), 3, runs: 200);
        Assert.True(Math.Abs(mean - reserved) <= 3 * se, $"per request: {mean:F2} ± {se:F2}, exact {reserved:F2}");
    }

    /// <summary>
    /// `link_pairing = request` on one link whose source end has two slots and whose other end one,
    /// every attempt heralding (success 1; the delivery frees both ends at once), requests of
    /// 1 ms and attempts of 3.025 ms after them. Slots X and Y ask at 0; X's request takes the
    /// free slot at 1 ms (its attempt ends at 4.025), Y's is refused and Y asks again every 2 ms
    /// (arriving at 3, then 5). At 4.025 X asks again, but Y's request at 5 takes the slot (ends
    /// 8.025) and X's, at 5.025, is refused; X then arrives at 7.025 (refused) and asks again at
    /// 8.025, together with Y: one of them takes the slot at 9.025. From there the two slots
    /// repeat the same 8.025 ms pattern, two attempts ending at 4.025 + 8.025·k and
    /// 8.025 + 8.025·k: 125 + 124 = 249 by 1 s, where one asking slot alone (or instant pairing
    /// with 4.025 ms attempts) ends 248. A refused slot's next request can come sooner after the
    /// free slot frees than a new request would.
    /// </summary>
    [Fact]
    public void RefusedRequestsAskAgainAfterTheRoundTrip()
    {
        string Link(string pairing, string attempt) => "network one {\n  fiber_speed = 1e9 km/s;\n  classical_delay = 1 ms;\n  link_memories = pooled;\n"
            + $"  link_pairing = {pairing};\n  qpu n0 {{ qubits = 1; comm = 2; }}\n  qpu n1 {{ qubits = 1; comm = 1; }}\n"
            + $"  link n0 -- n1 {{ length = 1 m; attempt_time = {attempt}; success = 1; }}\n}}\n";
        var asked = Stream(Link("request", "3.025 ms"), 2, runs: 3).Result;
        Assert.All(asked.Runs, r => Assert.Equal(249, r.Pairs));
        var instant = Stream(Link("instant", "4.025 ms"), 2, runs: 3).Result;
        Assert.All(instant.Runs, r => Assert.Equal(248, r.Pairs));
    }

    /// <summary>
    /// With no delay between a link's ends a request would be refused and asked again at the same
    /// instant for ever; request pairing is then instant pairing (waiting for a free slot is the
    /// limit of asking again ever sooner), so the runs are identical.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RequestPairingWithoutDelayIsInstantPairing(int memories)
    {
        var asked = Stream(Chain(3, memories, "  link_pairing = request;\n"), 3, runs: 20).Result.Runs;
        var instant = Stream(Chain(3, memories), 3, runs: 20).Result.Runs;
        Assert.Equal(instant.Select(r => (r.Pairs, r.MeanFidelity, r.Events)), asked.Select(r => (r.Pairs, r.MeanFidelity, r.Events)));
    }

    [Theory]
    [InlineData(5, 1, 0, 2)]
    [InlineData(5, 2, 0, 4)]
    [InlineData(5, 3, 2, 4)]
    [InlineData(4, 2, 0, 3)]
    [InlineData(10, 4, 0, 8)]
    [InlineData(10, 8, 0, 9)]
    [InlineData(10, 6, 4, 8)]
    public void NestedPartnersFollowTheDoublingRule(int nodes, int node, int left, int right) =>
        Assert.Equal((left, right), PooledLinkLayer.DoublingPartners(nodes, node));

    [Theory]
    [InlineData("nested")]
    [InlineData("asap")]
    public void SameSeedSameRun(string swap)
    {
        string source = SequenceScenario.Source(6, 2, swap);
        var first = Stream(source, 6, runs: 4, seed: 3).Result.Runs;
        var second = Stream(source, 6, runs: 4, seed: 3).Result.Runs;
        Assert.Equal(first.Select(r => (r.Pairs, r.MeanFidelity, r.Events)), second.Select(r => (r.Pairs, r.MeanFidelity, r.Events)));
        Assert.All(first, r => Assert.True(r.Pairs > 0));
    }

    [Fact]
    public void FailedSwapsFreeTheFarSlotsAndTheChainGoesOn()
    {
        string source = Chain(5, 2).Replace("memories = 4; }", "memories = 4; swap_success = 0.5; }");
        var (mean, _, result) = Stream(source, 5, runs: 20);
        var (certain, _, _) = Stream(Chain(5, 2), 5, runs: 20);
        Assert.InRange(mean, 1, certain * 0.8);
        Assert.Equal(1.0, result.MeanFidelity, 9);
    }

    [Fact]
    public void ProgramsGetPooledPairsOfTheSwappedWernerFidelity()
    {
        // Four links of F = 0.9, ideal memories: the Werner parameters multiply, F = 0.6731 (as per request).
        string network = NetworkPhysicsTests.Chain(4, "success = 1; fidelity = 0.9;", "memories = 4;").Replace("network chain {\n", "network chain {\n  link_memories = pooled;\n");
        var circuit = TestSupport.Compile(network + """
            program bell on chain {
                qubit[2] a @ alice;
                qubit[2] b @ bob;
                bit[2] ca;
                bit[2] cb;
                epr a[0], b[0];
                epr a[1], b[1];
                ca = measure a;
                cb = measure b;
            }
            """);
        var result = TestSupport.Run(circuit, 2000);
        var pair = Assert.Single(result.Pairs);
        double w = Math.Pow((4 * 0.9 - 1) / 3, 4);
        Assert.Equal(0.6731, pair.MeanFidelity, 4);
        Assert.Equal((1 + 3 * w) / 4, pair.MeanFidelity, 12);
        // Z-basis readouts agree with probability (1 + w)/2 on each pair.
        Statistics.AssertProportion(TestSupport.Count(result, k => k[1] == k[4]), 2000, (1 + w) / 2, "pair 0 agreement");
    }

    [Fact]
    public void DistillationIsRefusedWithPooledMemories()
    {
        var network = TestSupport.CompileNetwork(Chain(3, 1));
        var error = Assert.Throws<SimulationLimitException>(() => PairStream.Execute(network, new PairStream.Options
        {
            From = "n0", To = "n2", DurationSeconds = 1, Seed = 1,
            Distillation = new DistillationPolicy(Noise.DistillationProtocol.Bbpssw, 0.95),
        }));
        Assert.Equal("QN4408", error.Descriptor.Code);
    }
}
