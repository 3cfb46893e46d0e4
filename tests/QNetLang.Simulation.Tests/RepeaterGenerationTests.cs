using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The second and third repeater generations (`generation = 2 | 3`, EncodedRepeaterChain.cs)
/// against closed forms computed here: delivery times, rates and logical fidelities; and the
/// first generation unchanged when it is named.
/// </summary>
public class RepeaterGenerationTests
{
    /// <summary>A chain of identical links whose network says <paramref name="generation"/>.</summary>
    private static Ir.Network Chain(int links, string generation, string link, string repeater, string ends = "comm = 1;") =>
        TestSupport.CompileNetwork(NetworkPhysicsTests.Chain(links, link, repeater, ends).Replace("network chain {\n", $"network chain {{\n  {generation}\n"));

    private static PairStream.Result Stream(Ir.Network network, int runs, long pairs = 1, long seed = 7) =>
        PairStream.Execute(network, new PairStream.Options { From = "alice", To = "bob", Pairs = pairs, Runs = runs, Seed = seed });

    /// <summary>p_L = 0.1·(p/p_th)^⌈d/2⌉, written out here rather than read from the model.</summary>
    private static double LogicalError(double p, double threshold, int distance) => 0.1 * Math.Pow(p / threshold, (distance + 1) / 2);

    /// <summary>E[max of m independent Geometric(p) draws] = Σ_{k≥0} 1 − (1 − (1−p)^k)^m.</summary>
    private static double ExpectedMaxGeometric(double p, int m)
    {
        double sum = 0;
        for (int k = 0; k < 100_000; k++)
        {
            double term = 1 - Math.Pow(1 - Math.Pow(1 - p, k), m);
            sum += term;
            if (term < 1e-15) break;
        }
        return sum;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void SecondGenerationSwapsWithoutWaitingForTheFarEnd(int links)
    {
        // Every attempt succeeds: 10 km links (50 µs one way at 2e8 m/s), 1 µs attempts plus the
        // 2·50 µs herald, 1 µs gates and measurements. A link is encoded at T + t_op + D; each
        // repeater swaps t_op later at once, and its outcome needs at most (N − 1)·D to reach an end.
        var network = Chain(links, "generation = 2; local_gate_time = 1 us; local_measure_time = 1 us;",
            "length = 10 km; success = 1; attempt_time = 1 us;", "memories = 18;");
        double attempt = 1e-6 + 2 * 50e-6, operation = 2e-6, hop = 50e-6;
        double expected = links == 1 ? attempt + operation + hop : attempt + 2 * operation + links * hop;
        var run = Assert.Single(Stream(network, runs: 1).Runs);
        Assert.Equal(expected, run.EndPs / 1e12, 12);
    }

    [Theory]
    [InlineData(2, 3, 0.3)]
    [InlineData(3, 5, 0.5)]
    public void SecondGenerationRateIsSetByTheSlowestPhysicalPairOfAnyLink(int links, int distance, double success)
    {
        // Co-located nodes, 1 µs attempts: the pair comes when the slowest of the N·d² physical
        // channels heralds, then one encoding and one swap: E[T] = E[max of N·d² geometrics]·1 µs + 2·t_op.
        var network = Chain(links, $"generation = 2; code_distance = {distance}; local_gate_time = 1 us; local_measure_time = 2 us;",
            $"success = {success}; attempt_time = 1 us;", $"memories = {2 * distance * distance};");
        var stream = Stream(network, runs: 4000);
        double expected = ExpectedMaxGeometric(success, links * distance * distance) + (links > 1 ? 6 : 3);
        Statistics.AssertMean(stream.Runs.Select(r => r.EndPs / 1e6).ToList(), expected, $"{links} links, d = {distance}");
    }

    [Theory]
    [InlineData(1, 3, 1e-3, 1.0)]
    [InlineData(4, 3, 5e-3, 1.0)]
    [InlineData(4, 5, 5e-3, 0.99)]
    [InlineData(8, 7, 2e-3, 0.995)]
    public void SecondGenerationFidelityIsTheProductOfLogicalErrors(int links, int distance, double error, double linkFidelity)
    {
        var network = Chain(links, $"generation = 2; code_distance = {distance}; physical_error = {error}; threshold = 0.01;",
            $"success = 1; fidelity = {linkFidelity};", $"memories = {2 * distance * distance};");
        // N encodings, each with p + (1 − F) physical error, and N − 1 swaps with p: Werner factors multiply.
        double w = Math.Pow(1 - 4 * LogicalError(error + 1 - linkFidelity, 0.01, distance) / 3, links)
                 * Math.Pow(1 - 4 * LogicalError(error, 0.01, distance) / 3, links - 1);
        Assert.Equal((1 + 3 * w) / 4, Stream(network, runs: 3).MeanFidelity, 12);
    }

    [Fact]
    public void SecondGenerationRepeatersFreeTheirMemoriesAtTheSwap()
    {
        // Every attempt succeeds, co-located nodes, 1 µs attempts, 2 µs operations, 10 µs per
        // message: a request's link is encoded at 1 + 2 + 10 = 13 µs, r1 swaps until 15 µs and
        // frees its memories then; the ends hear of it at 25 µs.
        const string generation = "generation = 2; local_gate_time = 1 us; local_measure_time = 1 us; classical_delay = 10 us;";
        var one = Chain(2, generation, "success = 1; attempt_time = 1 us;", "memories = 18;", "comm = 2;");
        var two = Chain(2, generation, "success = 1; attempt_time = 1 us;", "memories = 36;", "comm = 2;");
        // Room for one pair at r1 (2·3² = 18), two requests in flight: a new one starts every
        // 15 µs, so the tenth starts at 135 µs and is delivered at 160 µs (250 µs if the
        // memories were held until the delivery).
        Assert.Equal(160e-6, Stream(one, runs: 1, pairs: 10).Runs[0].EndPs / 1e12, 12);
        // Room for two: they go side by side, a new pair of requests every 25 µs.
        Assert.Equal(125e-6, Stream(two, runs: 1, pairs: 10).Runs[0].EndPs / 1e12, 12);
    }

    [Fact]
    public void TooFewMemoriesForTheCodeIsRefused()
    {
        var network = Chain(2, "generation = 2; code_distance = 5;", "success = 1;", "memories = 40;");
        var error = Assert.Throws<SimulationLimitException>(() => Stream(network, runs: 1));
        Assert.Contains("needs 50", error.Message);
    }

    /// <summary>The QPC(n, m) loss tolerance, written out here: every block keeps a photon, some block keeps all m.</summary>
    private static double QpcSuccess(double eta, int n, int m) =>
        Math.Pow(1 - Math.Pow(1 - eta, m), n) - Math.Pow(1 - Math.Pow(1 - eta, m) - Math.Pow(eta, m), n);

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    public void QpcHopSuccessCountsTheDecodableLossPatterns(int n, int m)
    {
        // Every pattern of lost photons, weighted by its probability, decoded by the rule itself.
        foreach (double eta in new[] { 0.1, 0.5, 0.9 })
        {
            double decodable = 0;
            for (int pattern = 0; pattern < 1 << (n * m); pattern++)
            {
                int arrived = System.Numerics.BitOperations.PopCount((uint)pattern);
                bool everyBlockHasOne = true, someBlockComplete = false;
                for (int b = 0; b < n; b++)
                {
                    int block = (pattern >> (b * m)) & ((1 << m) - 1);
                    everyBlockHasOne &= block != 0;
                    someBlockComplete |= block == (1 << m) - 1;
                }
                if (everyBlockHasOne && someBlockComplete) decodable += Math.Pow(eta, arrived) * Math.Pow(1 - eta, n * m - arrived);
            }
            Assert.Equal(decodable, RepeaterGeneration.QpcHopSuccess(eta, n, m), 12);
            Assert.Equal(QpcSuccess(eta, n, m), decodable, 12);
        }
    }

    [Theory]
    [InlineData(2, 4, 4, 0.5)]
    [InlineData(4, 3, 5, 0.4)]
    [InlineData(8, 6, 3, 0.6)]
    public void ThirdGenerationRateIsOneBlockPerOperationTimeTimesTheLossTolerance(int links, int n, int m, double eta)
    {
        // Co-located nodes: a pair needs Geometric(P^N) blocks, one per t_op = 2 µs, then N
        // re-encodings (the flight takes no time): E[T] = t_op·(1/P^N + N).
        var network = Chain(links, $"generation = 3; qpc_blocks = {n}; qpc_photons = {m}; local_gate_time = 1 us; local_measure_time = 1 us;",
            $"success = {eta};", $"memories = {2 * n * m};");
        double p = Math.Pow(QpcSuccess(eta, n, m), links);
        var stream = Stream(network, runs: 4000);
        Statistics.AssertMean(stream.Runs.Select(r => r.EndPs / 1e6).ToList(), 2 * (1 / p + links), $"{links} hops, QPC({n}, {m}), η = {eta}");
    }

    [Fact]
    public void ThirdGenerationIsOneWayThenTheFarEndTellsTheNearEnd()
    {
        // Lossless 10 km hops (50 µs): one block, encoded (t_op), then each hop's flight and
        // re-encoding, then the far end's message back over N hops: t_op + N·(D + t_op) + N·D.
        const int links = 5;
        var network = Chain(links, "generation = 3; local_gate_time = 3 us; local_measure_time = 1 us;", "length = 10 km; success = 1;", "memories = 32;");
        double expected = 4e-6 + links * (50e-6 + 4e-6) + links * 50e-6;
        Assert.Equal(expected, Stream(network, runs: 1).Runs[0].EndPs / 1e12, 12);
    }

    [Fact]
    public void ThirdGenerationEncoderIsSharedByTheRequestsOfItsNode()
    {
        // Four requests at once from alice, lossless co-located hops: blocks leave one per 2 µs,
        // so four pairs take 4·2 µs plus the last block's 3 re-encodings.
        var network = Chain(3, "generation = 3; local_gate_time = 1 us; local_measure_time = 1 us;", "success = 1;", "memories = 32;", "comm = 4;");
        Assert.Equal(4 * 2e-6 + 3 * 2e-6, Stream(network, runs: 1, pairs: 4).Runs[0].EndPs / 1e12, 12);
    }

    [Theory]
    [InlineData(3, 3, 3, 4e-3)]
    [InlineData(6, 4, 5, 8e-3)]
    public void ThirdGenerationFidelityHasOneLogicalErrorPerHop(int links, int n, int m, double error)
    {
        var network = Chain(links, $"generation = 3; qpc_blocks = {n}; qpc_photons = {m}; physical_error = {error};", "success = 1;", $"memories = {2 * n * m};");
        double w = Math.Pow(1 - 4 * LogicalError(error, 0.01, Math.Min(n, m)) / 3, links);
        Assert.Equal((1 + 3 * w) / 4, Stream(network, runs: 3).MeanFidelity, 12);
    }

    [Fact]
    public void NamingTheFirstGenerationChangesNothing()
    {
        const string link = "success = 0.2; fidelity = 0.95; rate = 1 MHz; length = 5 km;";
        const string repeater = "memories = 4; swap_success = 0.5; t2 = 10 ms;";
        var unnamed = Stream(TestSupport.CompileNetwork(NetworkPhysicsTests.Chain(3, link, repeater)), runs: 20, pairs: 5);
        var named = Stream(Chain(3, "generation = 1;", link, repeater), runs: 20, pairs: 5);
        Assert.Equal(unnamed.Runs, named.Runs);
    }

    [Fact]
    public void TheProgramRunsAsCompiledWithEncodedPairs()
    {
        // The Bell-pair program of NetworkPhysicsTests on a generation-2 chain: the readout agrees
        // as often as the logical fidelity says.
        const string source = """
            network chain {
              generation = 2; physical_error = 5e-3;
              qpu alice { qubits = 2; comm = 2; }
              repeater r1 { memories = 36; }
              qpu bob { qubits = 2; comm = 2; }
              link alice -- r1 { success = 0.5; }
              link r1 -- bob { success = 0.5; }
            }

            """ + NetworkPhysicsTests.BellProgram;
        const int shots = 8000;
        var result = TestSupport.Run(TestSupport.Compile(source), shots);
        double w = Math.Pow(1 - 4 * LogicalError(5e-3, 0.01, 3) / 3, 3);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal((1 + 3 * w) / 4, pair.MeanFidelity, 12);
        long agreeZ = TestSupport.Count(result, k => k[1] == k[4]);
        long agreeX = TestSupport.Count(result, k => k[0] == k[3]);
        Statistics.AssertProportion(agreeZ, shots, (1 + w) / 2, "Z agreement");
        Statistics.AssertProportion(agreeX, shots, (1 + w) / 2, "X agreement");
    }
}
