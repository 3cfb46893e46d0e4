using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The link layer's multiplexing (`modes`) and the network's constant per-message processing
/// delay (`classical_delay`) against their closed forms (docs/simulator.md §8 and §9).
/// </summary>
public class LinkLayerTests
{
    private const string BellProgram = """
        program bell on chain {
            qubit[2] a @ alice;
            qubit[2] b @ bob;
            epr a[0], b[0];
        }
        """;

    [Theory]
    [InlineData(0.05, 8, 1.0)]
    [InlineData(0.01, 100, 0.5)]
    [InlineData(1e-9, 1000, 1.0)]   // tiny p keeps its precision: 1 − (1 − p)^M ≈ M·p
    public void ARoundOfModesHeraldsWhenAnyModeDoes(double success, int modes, double availability)
    {
        var network = TestSupport.CompileNetwork(NetworkPhysicsTests.Chain(1, $"success = {success}; modes = {modes}; availability = {availability}; fidelity = 0.9;", ""));
        double expected = (1 - Math.Pow(1 - success, modes)) * availability;
        if (success < 1e-6) expected = modes * success * (1 - (modes - 1) * success / 2) * availability;
        var physics = LinkPhysics.Of(network.Links[0], network);
        Assert.Equal(expected, physics.SuccessProbability, expected * 1e-12);
        Assert.Equal(expected, new NetworkModel(network).Link(0, 1)!.Success, expected * 1e-12);
        Assert.Equal(0.9, physics.Fidelity, 12);
        // One mode is the link without multiplexing.
        var single = TestSupport.CompileNetwork(NetworkPhysicsTests.Chain(1, $"success = {success}; modes = 1; availability = {availability};", ""));
        Assert.Equal(success * availability, LinkPhysics.Of(single.Links[0], single).SuccessProbability, 15);
    }

    [Theory]
    [InlineData(0.05, 8)]
    [InlineData(0.2, 3)]
    public void MultiplexedRoundsUntilAPairAreGeometric(double success, int modes)
    {
        var circuit = TestSupport.Compile(NetworkPhysicsTests.Chain(1, $"success = {success}; modes = {modes}; attempt_time = 1 us;", "") + BellProgram);
        var pair = Assert.Single(TestSupport.Run(circuit, 4000, seed: 31).Pairs);
        double round = 1 - Math.Pow(1 - success, modes);
        // Rounds per pair are geometric: mean 1/p, standard deviation √(1−p)/p; each round takes 1 µs.
        double standardError = Math.Sqrt(1 - round) / round / Math.Sqrt(pair.Count);
        Assert.InRange(pair.MeanAttempts, 1 / round - 4 * standardError, 1 / round + 4 * standardError);
        Assert.Equal(pair.MeanAttempts * 1e6, pair.MeanWaitPs, pair.MeanWaitPs * 1e-9);
    }

    /// <summary>
    /// Two links of length L meeting at a repeater, each heralding at its first attempt
    /// (τ = 1 µs + 2L/v): the swap starts at τ, takes t_s and succeeds with probability a; a
    /// failure's news reaches the far ends after L/v + d and the links start again; the success's
    /// news reaches both ends after L/v + d. So the wait is τ + t_s + L/v + d plus, per failure
    /// (a geometric number, mean (1 − a)/a), L/v + d + τ + t_s.
    /// </summary>
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1e-3, 1.0)]
    [InlineData(1e-3, 0.5)]
    [InlineData(4e-3, 0.25)]
    public void EveryClassicalMessageTakesTheProcessingDelayOnTopOfItsTravel(double delaySeconds, double swapSuccess)
    {
        string network = NetworkPhysicsTests.Chain(2, "length = 20 km; success = 1; attempt_time = 1 us;", $"memories = 2; swap_success = {swapSuccess}; swap_time = 10 us;")
            .Replace("network chain {\n", $"network chain {{\n  classical_delay = {delaySeconds * 1e3} ms;\n", StringComparison.Ordinal);
        var circuit = TestSupport.Compile(network + BellProgram);
        var pair = Assert.Single(TestSupport.Run(circuit, 2000, seed: 32).Pairs);
        double oneWay = 20e3 / 2e8, attempt = 1e-6 + 2 * oneWay, swap = 10e-6;
        double news = oneWay + delaySeconds, cycle = news + attempt + swap;
        double expected = attempt + swap + news + (1 - swapSuccess) / swapSuccess * cycle;
        double standardError = cycle * Math.Sqrt(1 - swapSuccess) / swapSuccess / Math.Sqrt(pair.Count);
        double wait = pair.MeanWaitPs * 1e-12;
        if (swapSuccess == 1)
            Assert.Equal(expected, wait, 1e-11);
        else
            Assert.InRange(wait, expected - 4 * standardError, expected + 4 * standardError);
    }

    [Fact]
    public void FeedForwardWaitsForTheProcessingDelay()
    {
        // alice measures and bob acts on the bit: the shot ends when the bit has reached bob.
        const string program = """
            network n { classical_delay = 2 ms; qpu alice { qubits = 1; } qpu bob { qubits = 1; } link alice -- bob { length = 40 km; } }
            program p on n {
                qubit x @ alice;
                qubit y @ bob;
                bit c;
                h x;
                c = measure x;
                at bob { if (c == 1) { x y; } }
            }
            """;
        var result = TestSupport.Run(TestSupport.Compile(program), 50, seed: 33);
        Assert.Equal(SimTime.FromSeconds(40e3 / 2e8 + 2e-3), result.MeanTimePs, 1.0);
    }
}
