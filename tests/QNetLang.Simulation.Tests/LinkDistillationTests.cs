using QNetLang.Simulation.Network;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Distillation a network asks for: a link's `distill` and `target_fidelity` apply to the pairs
/// routed over it, the run report gives rounds, raw pairs per pair and the success probability,
/// and the numbers match the BBPSSW and DEJMPS reference values.
/// </summary>
public class LinkDistillationTests
{
    private static RunResult Run(string link, int shots, DistillationPolicy? fallback = null)
    {
        var circuit = TestSupport.Compile($$"""
            network d { qpu a { qubits = 1; comm = 1; } qpu b { qubits = 1; comm = 1; } link a -- b { success = 1; attempt_time = 1 us; {{link}} } }
            program p on d { qubit x @ a; qubit y @ b; bit[2] c; epr x, y; c[0] = measure x; c[1] = measure y; }
            """);
        return Simulator.RunOrThrow(circuit, new RunOptions { Shots = shots, Seed = 31, Distillation = fallback ?? DistillationPolicy.None });
    }

    [Fact]
    public void BbpsswOneRoundFromPointNine()
    {
        const int shots = 4000;
        var pair = Assert.Single(Run("fidelity = 0.9; distill = bbpssw; target_fidelity = 0.92;", shots).Pairs);
        var d = Assert.IsType<DistillationStatistics>(pair.Distillation);
        Assert.Equal("bbpssw", d.Protocol);
        Assert.Equal(0.926396, pair.MeanFidelity, 6);
        Assert.Equal(1, d.Rounds);
        // One level: every pair is one passed round, and every round tried took two raw pairs.
        Statistics.AssertProportion(shots, d.RoundsTried, 0.875556, "BBPSSW success probability");
        Assert.Equal(d.SuccessProbability, shots / (double)d.RoundsTried, 12);
        Assert.Equal(2.0 * d.RoundsTried / shots, d.RawPairsPerPair, 12);
    }

    [Theory]
    [InlineData(0.83, 1, 0.83815, 0.768889)]
    [InlineData(0.94, 2, 0.94364, 0.762143)]
    [InlineData(0.98, 3, 0.98797, 0.775183)]
    public void DejmpsFromWernerPointEight(double target, int rounds, double fidelity, double success)
    {
        const int shots = 1500;
        var pair = Assert.Single(Run($"fidelity = 0.8; distill = dejmps; target_fidelity = {target};", shots).Pairs);
        var d = Assert.IsType<DistillationStatistics>(pair.Distillation);
        Assert.Equal("dejmps", d.Protocol);
        Assert.Equal(fidelity, pair.MeanFidelity, 5);
        Assert.Equal(rounds, d.Rounds);
        Assert.True(d.RawPairsPerPair >= Math.Pow(2, rounds), $"{d.RawPairsPerPair} raw pairs per pair");
        // Rounds of level l succeed with p_l = (A+B)² + (C+D)² of the level below: 0.768889,
        // 0.744596, 0.901313 from Werner 0.8. A delivered level-L pair needs 1/p_L rounds at
        // level L, 2/p_L passes below it and so on, which pools to the expected fraction passed.
        long passed = (long)Math.Round(d.SuccessProbability * d.RoundsTried);
        Statistics.AssertProportion(passed, d.RoundsTried, success, $"DEJMPS success probability over {rounds} level(s)");
    }

    [Fact]
    public void ALinkThatSaysNothingTakesTheRunDefaultAndALinkThatSaysSomethingOverridesIt()
    {
        var fallback = new DistillationPolicy(DistillationProtocol.Bbpssw, 0.92);
        var byDefault = Assert.Single(Run("fidelity = 0.9;", 500, fallback).Pairs);
        Assert.Equal("bbpssw", byDefault.Distillation!.Protocol);
        Assert.Equal(0.926396, byDefault.MeanFidelity, 6);
        var own = Assert.Single(Run("fidelity = 0.8; distill = dejmps; target_fidelity = 0.83;", 500, fallback).Pairs);
        Assert.Equal("dejmps", own.Distillation!.Protocol);
        Assert.Equal(0.83815, own.MeanFidelity, 5);
        Assert.Null(Assert.Single(Run("fidelity = 0.9;", 100).Pairs).Distillation);
    }

    [Fact]
    public void AMultiLinkRouteTakesTheHighestTargetOfItsLinks()
    {
        var circuit = TestSupport.Compile("""
            network d {
                qpu a { qubits = 1; comm = 1; } qpu b { qubits = 1; comm = 1; }
                repeater r { memories = 2; }
                link a -- r { success = 1; attempt_time = 1 us; fidelity = 0.95; distill = dejmps; target_fidelity = 0.9; }
                link r -- b { success = 1; attempt_time = 1 us; fidelity = 0.95; distill = bbpssw; target_fidelity = 0.93; }
            }
            program p on d { qubit x @ a; qubit y @ b; epr x, y; }
            """);
        var result = Simulator.RunOrThrow(circuit, new RunOptions { Shots = 300, Seed = 4 });
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(["a", "r", "b"], pair.Route);
        // Swapping two F = 0.95 Werner pairs gives 0.9033 (w multiplies); BBPSSW raises it past 0.93.
        Assert.Equal("bbpssw", pair.Distillation!.Protocol);
        Assert.Equal(0.93, pair.Distillation.TargetFidelity);
        Assert.True(pair.MeanFidelity >= 0.93, $"{pair.MeanFidelity}");
        string json = RunReport.ToJson([result]);
        Assert.Contains("\"distillation\": {", json);
        Assert.Contains("\"protocol\": \"bbpssw\"", json);
        Assert.Contains("\"rawPairsPerPair\":", json);
        Assert.Contains("\"successProbability\":", json);
        Assert.Contains("distilled by BBPSSW to 0.93", RunReport.ToText(result));
    }
}
