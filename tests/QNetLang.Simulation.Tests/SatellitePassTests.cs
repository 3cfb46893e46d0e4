using QNetLang.Simulation.Figures;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Satellite passes (examples/satellite_downlink.qn, satellite_uplink.qn): the slant range,
/// elevation and channel loss at several times of the pass against the geometry and loss
/// formulas computed here, the uplink's extra beam-wander loss, and the sampled arrivals.
/// </summary>
public class SatellitePassTests
{
    private const double EarthRadius = 6_371_000, Gm = 3.986004418e14, Height = 500e3;
    private const double Wavelength = 810e-9, AtmosphereDb = 3, PointingDb = 3;

    /// <summary>
    /// A station at the central angle β from the ground track, fixed by the pass's maximum
    /// elevation (60°), sees the satellite set at 10°; t counts from the rise. Returns the slant
    /// range (m), elevation (degrees) and channel loss (dB) for the given telescopes.
    /// </summary>
    private static (double Range, double Elevation, double LossDb) Expected(double t, double tx, double rx, double wander)
    {
        double r = EarthRadius + Height;
        double omega = Math.Sqrt(Gm / (r * r * r));
        double Gamma(double elevationDeg)
        {
            double e = elevationDeg * Math.PI / 180;
            return Math.Acos(EarthRadius / r * Math.Cos(e)) - e;
        }
        double beta = Gamma(60);
        double halfPass = Math.Acos(Math.Cos(Gamma(10)) / Math.Cos(beta));
        // Spherical triangle: along-track angle from the culmination, cross-track β.
        double cosGamma = Math.Cos(beta) * Math.Cos(omega * t - halfPass);
        double range = Math.Sqrt(EarthRadius * EarthRadius + r * r - 2 * EarthRadius * r * cosGamma);
        double elevation = Math.Asin((r * cosGamma - EarthRadius) / range);
        double divergence = 4 * Wavelength / (Math.PI * tx);
        double diffraction = Math.Min(1, rx * rx / (range * range * (divergence * divergence + wander * wander)));
        double lossDb = -10 * Math.Log10(diffraction) + AtmosphereDb / Math.Sin(elevation) + PointingDb;
        return (range, elevation * 180 / Math.PI, lossDb);
    }

    private static Dictionary<string, FigureValue> Run(string example, double passTime, int shots = 10, long seed = 1)
    {
        string source = File.ReadAllText(Path.Combine(TestSupport.Examples, example + ".qn"));
        Assert.Contains("pass_time = 218 s;", source);
        source = source.Replace("pass_time = 218 s;", $"pass_time = {passTime} s;", StringComparison.Ordinal);
        return TestSupport.Run(TestSupport.Compile(source), shots, seed).Figures.ToDictionary(f => f.Name);
    }

    [Theory]
    [InlineData(0.0)]       // rise, 10°
    [InlineData(60.0)]
    [InlineData(150.0)]
    [InlineData(218.0)]     // near the culmination (218.19 s), 60°
    [InlineData(300.0)]
    [InlineData(436.0)]     // just before the set
    public void DownlinkAndUplinkLossFollowThePass(double t)
    {
        var down = Run("satellite_downlink", t);
        var (range, elevation, lossDb) = Expected(t, tx: 0.3, rx: 1.0, wander: 0);
        Assert.Equal(range / 1000, down["range_km"].Value, 6);
        Assert.Equal(elevation, down["elevation_deg"].Value, 6);
        Assert.Equal(lossDb, down["loss_db"].Value, 6);

        var up = Run("satellite_uplink", t);
        var (_, _, upLossDb) = Expected(t, tx: 1.0, rx: 0.3, wander: 5e-6);
        Assert.Equal(upLossDb, up["loss_db"].Value, 6);
        // Same pass and the same D_t·D_r, so the uplink is worse by the beam-wander term alone.
        double divergence = 4 * Wavelength / Math.PI;
        Assert.Equal(10 * Math.Log10(1 + 25e-12 / (divergence * divergence)), up["loss_db"].Value - down["loss_db"].Value, 6);
        Assert.Equal(13.89, up["loss_db"].Value - down["loss_db"].Value, 2);
    }

    [Fact]
    public void TheLossIsLowestAtTheCulminationAndSymmetric()
    {
        double culmination = 218.18723;   // half of the pass's 436.37446 s
        var (_, top, best) = Expected(culmination, 0.3, 1.0, 0);
        Assert.Equal(60, top, 3);
        Assert.Equal(best, Run("satellite_downlink", culmination)["loss_db"].Value, 6);
        foreach (double dt in new[] { 50.0, 120.0, 200.0 })
        {
            double before = Run("satellite_downlink", culmination - dt)["loss_db"].Value;
            double after = Run("satellite_downlink", culmination + dt)["loss_db"].Value;
            Assert.Equal(before, after, 4);
            Assert.True(before > best);
        }
    }

    [Theory]
    [InlineData(218.0)]
    [InlineData(60.0)]
    public void SampledArrivalsFollowTheLoss(double t)
    {
        var figures = Run("satellite_downlink", t, shots: 20000, seed: 3);
        double expected = Math.Pow(10, -figures["loss_db"].Value / 10) * 0.5;   // the station's detector
        var arrival = figures["arrival"];
        Assert.True(Math.Abs(arrival.Value - expected) <= 4 * arrival.StdErr, $"arrival {arrival.Value:G5} ± {arrival.StdErr:G3}, expected {expected:G5}");
    }

    [Fact]
    public void LightCrossesAtTheSpeedOfLightInVacuum()
    {
        string source = File.ReadAllText(Path.Combine(TestSupport.Examples, "satellite_downlink.qn"));
        var network = TestSupport.Compile(source).Network;
        var physics = Ir.LinkPhysics.Of(network.Links[0], network);
        var (range, _, _) = Expected(218, 0.3, 1.0, 0);
        Assert.Equal(range / Ir.LinkPhysics.VacuumLightSpeed, physics.OneWaySeconds, 12);
    }
}
