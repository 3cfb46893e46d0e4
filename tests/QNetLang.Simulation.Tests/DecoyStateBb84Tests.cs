using System.Text.Json;
using QNetLang.Simulation.Figures;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Decoy-state BB84 with weak coherent pulses (examples/decoy_bb84.qn) against the textbook
/// asymptotic key rate: GLLP with infinitely many decoys in the form of Lo, Ma and Chen
/// (PRL 94, 230504, 2005), Q_μ = Y₀ + 1 − e^(−ημ), E_μQ_μ = Y₀/2 + e_d(1 − e^(−ημ)),
/// Y₁ = Y₀ + η, e₁Y₁ = Y₀/2 + e_d·η, R = ½{−Q_μ f h(E_μ) + Y₁μe^(−μ)[1 − h(e₁)]}, computed here
/// from the published detector set alone (not from the simulator's code), and the sampled
/// gains and error rates against the simulator's exact model.
/// </summary>
public class DecoyStateBb84Tests : IDisposable
{
    private const double Alpha = 0.21, EtaBob = 0.045, Y0 = 1.7e-6, Ed = 0.033, F = 1.22, Mu = 0.48;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnl-decoy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    /// <summary>The textbook key rate per pulse at <paramref name="km"/> of fibre.</summary>
    private static double TextbookKeyRate(double km)
    {
        double eta = Math.Pow(10, -Alpha * km / 10) * EtaBob;
        double q = Y0 + 1 - Math.Exp(-eta * Mu);
        double e = (Y0 / 2 + Ed * (1 - Math.Exp(-eta * Mu))) / q;
        double y1 = Y0 + eta, e1 = (Y0 / 2 + Ed * eta) / y1;
        return 0.5 * (-q * F * Statistics.H2(e) + y1 * Mu * Math.Exp(-Mu) * (1 - Statistics.H2(e1)));
    }

    /// <summary>Where the textbook rate reaches zero, by bisection.</summary>
    private static double TextbookCutoffKm()
    {
        double lo = 50, hi = 300;
        for (int i = 0; i < 100; i++)
        {
            double mid = (lo + hi) / 2;
            if (TextbookKeyRate(mid) > 0) lo = mid; else hi = mid;
        }
        return lo;
    }

    [Fact]
    public void TheTextbookCutoffIsThePublishedOne()
    {
        // Lo, Ma and Chen give 142 km for this detector set with infinitely many decoys.
        Assert.Equal(142, TextbookCutoffKm(), 0.5);
    }

    /// <summary>
    /// `qnlc sweep` over the distance: the key rate per pulse within 5 % of the textbook curve
    /// wherever that is above 1e-7, zero or negative where the textbook is, and the cut-off
    /// (interpolated between the sweep's points) within 5 %.
    /// </summary>
    [Fact]
    public void KeyRateAgainstDistanceFollowsTheTextbookCurveAndItsCutoff()
    {
        string dir = Path.Combine(_work, "sweep");
        var run = CliRunner.Invoke("sweep", Path.Combine(TestSupport.Examples, "decoy_bb84.qn"),
            "--set", "alice--bob.length=0km..160km:33", "--shots", "20", "--seed", "1", "-o", dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(Path.Combine(dir, "key_rate.png")));
        // Drawn on a log axis beside the PLOB bound (whose point at 0 km, infinite, is left out).
        string svg = File.ReadAllText(Path.Combine(dir, "key_rate.svg"));
        Assert.Contains("PLOB bound", svg);
        Assert.Contains("log scale", svg);
        var points = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sweep.json"))).RootElement.EnumerateArray()
            .Select(r => (Km: r.GetProperty("parameters").GetProperty("alice--bob.length").GetDouble() / 1000,
                          Rate: r.GetProperty("figures").GetProperty("key_rate").GetProperty("value").GetDouble()))
            .ToList();
        int compared = 0;
        foreach (var (km, rate) in points)
        {
            double expected = TextbookKeyRate(km);
            if (expected > 1e-7)
            {
                Assert.True(Math.Abs(rate - expected) <= 0.05 * expected, $"{km} km: key rate {rate:G6}, textbook {expected:G6}");
                compared++;
            }
            else if (expected <= 0) Assert.True(rate <= 0, $"{km} km: key rate {rate:G6} past the textbook cut-off");
            double plob = -Math.Log2(1 - Math.Pow(10, -Alpha * km / 10));
            Assert.True(rate < plob, $"{km} km: key rate {rate:G6} above the PLOB bound {plob:G6}");
        }
        Assert.True(compared >= 25, $"only {compared} points above 1e-7");
        int last = points.FindLastIndex(p => p.Rate > 0);
        Assert.InRange(last, 0, points.Count - 2);
        var (k0, r0) = points[last];
        var (k1, r1) = points[last + 1];
        double cutoff = k0 + (k1 - k0) * r0 / (r0 - r1);
        Assert.True(Math.Abs(cutoff - TextbookCutoffKm()) <= 0.05 * TextbookCutoffKm(), $"cut-off {cutoff:F2} km, textbook {TextbookCutoffKm():F2} km");
    }

    /// <summary>
    /// The pulses the simulator sends: bob's click rate and error rate, sampled, against the
    /// exact gain and error rate the key-rate figures read, at distances where sampling resolves
    /// them; and the vacuum-and-weak-decoy bounds below (Y₁) and above (e₁) the true values.
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(20.0)]     // as written
    [InlineData(40.0)]
    public void SampledGainAndErrorRateMatchTheExactModel(double km)
    {
        string source = File.ReadAllText(Path.Combine(TestSupport.Examples, "decoy_bb84.qn")).Replace("length = 20 km", $"length = {km} km", StringComparison.Ordinal);
        var figures = TestSupport.Run(TestSupport.Compile(source), 40000, seed: 5).Figures.ToDictionary(f => f.Name);
        double eta = Math.Pow(10, -Alpha * km / 10) * EtaBob;
        double gain = 1 - (1 - Y0) * Math.Exp(-eta * Mu);
        double error = (Ed * (1 - Math.Exp(-eta * Mu)) + Y0 / 2 * Math.Exp(-eta * Mu)) / gain;
        Assert.Equal(gain, figures["q_mu"].Value, 12);
        Assert.Equal(error, figures["e_mu"].Value, 12);
        // Figures read from the link model alone are exact: no sampling error, not rounding noise.
        foreach (string exact in (string[])["q_mu", "e_mu", "y1", "e1", "key_rate"])
            Assert.Equal(0.0, figures[exact].StdErr);
        AssertWithin(figures["gain_mu"], gain);
        AssertWithin(figures["qber_mu"], error);
        Assert.InRange(figures["y1_lower"].Value, 0.9 * figures["y1"].Value, figures["y1"].Value);
        Assert.InRange(figures["e1_upper"].Value, figures["e1"].Value, 0.5);
        Assert.True(figures["key_rate_two_decoys"].Value < figures["key_rate"].Value);
    }

    private static void AssertWithin(FigureValue figure, double expected)
    {
        Assert.True(figure.StdErr > 0, $"{figure.Name}: standard error {figure.StdErr}");
        Assert.True(Math.Abs(figure.Value - expected) <= 4 * figure.StdErr,
            $"{figure.Name} = {figure.Value:G6} ± {figure.StdErr:G3}, exact {expected:G6}");
    }
}
