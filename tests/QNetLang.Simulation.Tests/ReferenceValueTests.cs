using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Tests;

/// <summary>The closed forms and reference values of DESIGN.md §6, checked on the simulator's own formulas.</summary>
public class ReferenceValueTests
{
    [Fact]
    public void WernerSwappingMultipliesTheWernerParameter()
    {
        var link = BellDiagonal.Werner(0.9);
        var once = link.Compose(link);
        Assert.Equal(0.8133, once.Fidelity, 4);
        Assert.Equal(link.WernerParameter * link.WernerParameter, once.WernerParameter, 12);
        var twice = once.Compose(once);
        Assert.Equal(0.6731, twice.Fidelity, 4);
    }

    [Fact]
    public void BbpsswOneRound()
    {
        var (state, success) = Distillation.Bbpssw(0.9, 0.9);
        Assert.Equal(0.926396, state.Fidelity, 6);
        Assert.Equal(0.875556, success, 6);
    }

    [Fact]
    public void DejmpsThreeRoundsFromWerner()
    {
        var state = BellDiagonal.Werner(0.8);
        double[] expected = [0.83815, 0.94364, 0.98797];
        foreach (double f in expected)
        {
            (state, _) = Distillation.Dejmps(state, state);
            Assert.Equal(f, state.Fidelity, 5);
            Assert.Equal(1, state.I + state.X + state.Y + state.Z, 12);
        }
    }

    [Fact]
    public void Bb84SecretFractionAndWernerQber()
    {
        Assert.Equal(0.4272, 1 - 2 * Statistics.H2(0.05), 4);
        // A Werner pair of fidelity F read in one basis disagrees with probability 2(1 − F)/3.
        var pair = BellDiagonal.Werner(0.97);
        Assert.Equal(2 * (1 - 0.97) / 3, pair.X + pair.Y, 12);
    }

    [Theory]
    [InlineData(50, 0.1520)]
    [InlineData(100, 1.450e-2)]
    public void FibreTransmissivityAndTheRepeaterlessBound(double km, double plob)
    {
        var network = TestSupport.CompileNetwork($"network n {{ qpu a {{ qubits = 1; }} qpu b {{ qubits = 1; }} link a -- b {{ length = {km} km; }} }}");
        var link = new Network.NetworkModel(network).Link(0, 1)!;
        Assert.Equal(Math.Pow(10, -0.2 * km / 10), link.Transmissivity, 12);
        Assert.Equal(link.Transmissivity, link.Success, 12);
        Assert.Equal(plob, -Math.Log2(1 - link.Transmissivity), plob * 1e-3);
    }

    /// <summary>E[T] = Σ_k (−1)^(k+1) C(N,k)/(1−(1−p)^k): the expected maximum of N geometric link times.</summary>
    public static double MaxOfGeometrics(int n, double p)
    {
        double sum = 0, binomial = 1;
        for (int k = 1; k <= n; k++)
        {
            binomial = binomial * (n - k + 1) / k;
            sum += (k % 2 == 1 ? 1 : -1) * binomial / (1 - Math.Pow(1 - p, k));
        }
        return sum;
    }

    [Theory]
    [InlineData(2, 0.3)]
    [InlineData(4, 0.05)]
    [InlineData(8, 0.3)]
    public void RepeaterChainsFollowTheClosedFormBeyondTheReferenceTable(int links, double p)
    {
        // The table's values come from this formula (p = 0.1); here the simulator meets it at
        // other success probabilities: deterministic swaps and infinite memory, so the
        // end-to-end pair arrives when the slowest of the N links has heralded.
        Assert.Equal(14.737, MaxOfGeometrics(2, 0.1), 3);
        Assert.Equal(26.296, MaxOfGeometrics(8, 0.1), 3);
        var network = TestSupport.CompileNetwork(NetworkPhysicsTests.Chain(links, $"success = {p.ToString(System.Globalization.CultureInfo.InvariantCulture)}; rate = 1 MHz;", "memories = 2;"));
        const int runs = 3000;
        var stream = Network.PairStream.Execute(network, new Network.PairStream.Options { From = "alice", To = "bob", Pairs = 1, Runs = runs, Seed = 11 });
        Statistics.AssertMean(stream.Runs.Select(r => r.EndPs / 1e6).ToList(), MaxOfGeometrics(links, p), $"{links} links, p = {p}");
    }
}
