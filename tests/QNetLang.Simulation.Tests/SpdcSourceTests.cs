using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// A midpoint SPDC pair source (`scheme = source; source = spdc`): thermal pair statistics, so
/// multi-pair emission adds heralds that carry no Bell pair and lowers the heralded fidelity
/// (docs/simulator.md, "Photon sources"). The closed forms are summed here term by term over
/// the pair number, not with the generating function the link model uses.
/// </summary>
public class SpdcSourceTests
{
    private static string Network(double mu, double dark, double fidelity = 1) =>
        "network chain { qpu alice { qubits = 2; } qpu bob { qubits = 2; } " +
        $"link alice -- bob {{ length = 2 km; total_loss = {-20 * Math.Log10(0.5)} dB; scheme = source; source = spdc; " +
        $"mean_photon_number = {mu}; dark_count = {dark}; fidelity = {fidelity}; detector_efficiency = 0.8; }} }}";

    /// <summary>Σ_n P(n)·(1 − (1−p_d)(1−a)ⁿ)·(1 − (1−p_d)(1−b)ⁿ), P(n) = μⁿ/(1+μ)ⁿ⁺¹, and the one-pair true herald.</summary>
    private static (double Heralded, double True) Summed(double mu, double a, double b, double dark)
    {
        double heralded = 0;
        for (int n = 0; n < 2000; n++)
        {
            double p = Math.Pow(mu / (1 + mu), n) / (1 + mu);
            heralded += p * (1 - (1 - dark) * Math.Pow(1 - a, n)) * (1 - (1 - dark) * Math.Pow(1 - b, n));
        }
        return (heralded, mu / Math.Pow(1 + mu, 2) * a * b);
    }

    [Theory]
    [InlineData(0.01, 0.0)]
    [InlineData(0.1, 0.0)]
    [InlineData(0.5, 1e-3)]
    [InlineData(2.0, 1e-2)]
    public void HeraldAndFidelityFollowTheThermalSum(double mu, double dark)
    {
        var compiled = TestSupport.CompileNetwork(Network(mu, dark, fidelity: 0.98));
        var model = new NetworkModel(compiled).Link(0, 1)!;
        double arm = 0.5 * 0.8;   // each arm transmits 1/2, detected with 0.8
        var (heralded, trueHerald) = Summed(mu, arm, arm, dark);
        Assert.Equal(heralded, model.Success, 12);
        double w = (4 * 0.98 - 1) / 3 * trueHerald / heralded;
        Assert.Equal((1 + 3 * w) / 4, model.Generated.Fidelity, 12);
    }

    [Fact]
    public void MorePairsHeraldMoreOftenButWorse()
    {
        double previousSuccess = 0, previousFidelity = 1;
        foreach (double mu in new[] { 0.001, 0.01, 0.1, 0.5, 1.0 })
        {
            var model = new NetworkModel(TestSupport.CompileNetwork(Network(mu, 1e-4))).Link(0, 1)!;
            Assert.True(model.Success > previousSuccess, $"μ = {mu}: success {model.Success}");
            Assert.True(model.Generated.Fidelity < previousFidelity, $"μ = {mu}: fidelity {model.Generated.Fidelity}");
            previousSuccess = model.Success;
            previousFidelity = model.Generated.Fidelity;
        }
        // For μ → 0 without dark counts the heralds are single pairs: F → 1, p → μ·a·b.
        var faint = new NetworkModel(TestSupport.CompileNetwork(Network(1e-6, 0))).Link(0, 1)!;
        Assert.Equal(1, faint.Success / (1e-6 * 0.4 * 0.4), 5);
        Assert.True(faint.Generated.Fidelity > 1 - 1e-5);
    }

    [Fact]
    public void SimulatedPairsHaveTheHeraldedFidelityAndAttempts()
    {
        const double Mu = 0.5;
        var circuit = TestSupport.Compile(Network(Mu, 0) + """
            program bell on chain {
                qubit[2] a @ alice;
                qubit[2] b @ bob;
                epr a[0], b[0];
            }
            """);
        var result = TestSupport.Run(circuit, 4000);
        var pair = Assert.Single(result.Pairs);
        var (heralded, trueHerald) = Summed(Mu, 0.4, 0.4, 0);
        Assert.Equal((1 + 3 * trueHerald / heralded) / 4, pair.MeanFidelity, 6);
        double standardError = Math.Sqrt(1 - heralded) / heralded / Math.Sqrt(pair.Count);
        Assert.InRange(pair.MeanAttempts, 1 / heralded - 4 * standardError, 1 / heralded + 4 * standardError);
    }
}
