using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Free-space links and heralding schemes against their closed forms (docs/simulator.md §8):
/// the loss the link model gives, the light speed it times heralds and messages with, and the
/// success and fidelity of each scheme, as both the router (LinkPhysics) and the simulator see them.
/// </summary>
public class LinkModelTests
{
    private const double C = 299_792_458;

    private static string Pair(string link, string ends = "qpu a { qubits = 2; } qpu b { qubits = 2; }") =>
        $"network chain {{ {ends} link a -- b {{ {link} }} }}";

    private static (LinkModel Model, LinkPhysics Physics, NetworkModel Network) LinkOf(string network)
    {
        var compiled = TestSupport.CompileNetwork(network);
        var model = new NetworkModel(compiled);
        return (model.Link(0, 1)!, LinkPhysics.Of(compiled.Links[0], compiled), model);
    }

    /// <summary>Far-field (Friis) diffraction between circular apertures, capped at 1.</summary>
    private static double Diffraction(double tx, double rx, double wavelength, double length) =>
        Math.Min(1, Math.Pow(Math.PI * tx * rx / (4 * wavelength * length), 2));

    [Theory]
    [InlineData(10e3, 0.01, 0.03)]    // η_diff = 8.5e-4
    [InlineData(100e3, 0.05, 0.2)]    // η_diff = 9.4e-3
    [InlineData(500e3, 0.3, 1.0)]     // η_diff = 0.338 (4.7 dB; 500 km of fibre would lose 100 dB)
    [InlineData(1200e3, 0.18, 1.2)]   // η_diff = 0.0305 (15.2 dB)
    [InlineData(1e3, 0.3, 1.0)]   // near field: the whole beam is caught, diffraction costs nothing
    public void FreeSpaceLossIsDiffractionAtmosphereAndPointing(double length, double tx, double rx)
    {
        // Elevation 30°: the beam crosses two air masses, so 0.5 dB at the zenith costs 1 dB.
        var (link, physics, _) = LinkOf(Pair(
            $"kind = free_space; length = {length} m; tx_aperture = {tx} m; rx_aperture = {rx} m; wavelength = 810 nm; " +
            "elevation = 30; atmospheric_loss = 0.5 dB; pointing_loss = 2 dB; detector_efficiency = 0.6;"));
        double expected = Diffraction(tx, rx, 810e-9, length) * Math.Pow(10, -(0.5 * 2 + 2) / 10);
        Assert.Equal(expected, link.Transmissivity, 12);
        Assert.Equal(expected * 0.6, link.Success, 12);
        Assert.Equal(expected, physics.Transmissivity, 12);
        Assert.Equal(length <= 1e3, Diffraction(tx, rx, 810e-9, length) == 1);
    }

    [Fact]
    public void FibreLossIsNeverAppliedToAFreeSpaceLink()
    {
        // 100 km of fibre would lose 20 dB; in vacuum with 1 m apertures at 1550 nm the beam fits.
        var (freeSpace, _, _) = LinkOf(Pair("kind = free_space; length = 100 km; tx_aperture = 1 m; rx_aperture = 1 m; wavelength = 1550 nm;"));
        Assert.Equal(Diffraction(1, 1, 1550e-9, 100e3), freeSpace.Success, 12);
        Assert.True(freeSpace.Success > 0.1);
        // `loss` is accepted with a warning (QN2044) and has no effect.
        var (warned, _, _) = LinkOf(Pair("kind = free_space; length = 100 km; loss = 0.2 dB/km; tx_aperture = 1 m; rx_aperture = 1 m; wavelength = 1550 nm;"));
        Assert.Equal(freeSpace.Success, warned.Success);
        // A satellite link is a free-space channel too; total_loss overrides the model.
        var (satellite, _, _) = LinkOf(Pair("kind = satellite; length = 600 km; elevation = 45; atmospheric_loss = 1 dB;"));
        Assert.Equal(Diffraction(0.3, 1.0, 810e-9, 600e3) * Math.Pow(10, -Math.Sqrt(2) / 10), satellite.Success, 12);
        var (total, _, _) = LinkOf(Pair("kind = satellite; length = 600 km; total_loss = 30 dB;"));
        Assert.Equal(1e-3, total.Success, 15);
    }

    [Fact]
    public void FreeSpaceHeraldsAndMessagesTravelAtTheSpeedOfLightInVacuum()
    {
        var (link, physics, network) = LinkOf(Pair("kind = free_space; length = 300 km; rate = 1 MHz;"));
        long oneWay = SimTime.FromSeconds(300e3 / C);
        Assert.Equal(300e3 / C, physics.OneWaySeconds, 15);
        Assert.Equal(oneWay, link.OneWayPs);
        Assert.Equal(SimTime.FromSeconds(1e-6) + 2 * oneWay, link.AttemptPs);
        Assert.Equal(oneWay, network.Delay(0, 1));
        var (fibre, _, _) = LinkOf(Pair("length = 300 km; rate = 1 MHz;"));
        Assert.Equal(SimTime.FromSeconds(300e3 / 2e8), fibre.OneWayPs);
    }

    [Fact]
    public void SchemesHaveTheirClosedForms()
    {
        // 20 km of fibre at 0.2 dB/km: each 10 km arm transmits η_arm = 10^(−0.2), detected with 0.8.
        const string Fibre = "length = 20 km; rate = 1 MHz; detector_efficiency = 0.8; fidelity = 0.95;";
        double arm = Math.Pow(10, -0.2) * 0.8;
        double oneWay = 20e3 / 2e8;

        var (direct, directPhysics, _) = LinkOf(Pair(Fibre));
        Assert.Equal(Math.Pow(10, -0.4) * 0.8, direct.Success, 12);
        Assert.Equal(0.95, direct.Generated.Fidelity, 12);
        Assert.Equal(1e-6 + 2 * oneWay, directPhysics.AttemptSeconds, 15);

        // Single click (Cabrillo et al. 1999): p = 2αη_arm, F = 1 − α before the link's own noise.
        var (single, singlePhysics, _) = LinkOf(Pair(Fibre + " scheme = single_click; bright_state = 0.1;"));
        Assert.Equal(2 * 0.1 * arm, single.Success, 12);
        double w = (4 * 0.95 - 1) / 3 * ((4 * 0.9 - 1) / 3);
        Assert.Equal((1 + 3 * w) / 4, single.Generated.Fidelity, 12);
        Assert.Equal(1e-6 + oneWay, singlePhysics.AttemptSeconds, 15);
        Assert.Equal(0.9, LinkPhysics.SingleClickFidelity(1, 0.1), 12);

        // Double click (Barrett–Kok 2005): p = η_A·η_B/2, the link's fidelity.
        var (twoClicks, twoPhysics, _) = LinkOf(Pair(Fibre + " scheme = double_click;"));
        Assert.Equal(arm * arm / 2, twoClicks.Success, 12);
        Assert.Equal(0.95, twoClicks.Generated.Fidelity, 12);
        Assert.Equal(1e-6 + oneWay, twoPhysics.AttemptSeconds, 15);

        // Midpoint source: p = η_A·η_B, each photon also through its end node's detector.
        var (source, sourcePhysics, _) = LinkOf(Pair(Fibre + " scheme = source;",
            "endnode a { qubits = 2; detector_efficiency = 0.5; } qpu b { qubits = 2; }"));
        Assert.Equal(arm * 0.5 * arm, source.Success, 12);
        Assert.Equal(1e-6 + 1.5 * oneWay, sourcePhysics.AttemptSeconds, 15);

        // The trade-off: single click scales with η_arm, double click with η_arm², so single click
        // is faster once η_arm < 4α (here 0.505 > 0.4: not yet), and always pays α in fidelity.
        Assert.Equal(4 * 0.1 / arm, single.Success / twoClicks.Success, 12);
        Assert.True(single.Generated.Fidelity < twoClicks.Generated.Fidelity);
        // The router weighs links by the same numbers.
        Assert.Equal(singlePhysics.AttemptSeconds / single.Success, singlePhysics.ExpectedSeconds, 15);
    }

    [Fact]
    public void TheRouterWeighsLinksByTheirScheme()
    {
        // alice – bob directly by single click (F = 1 − 0.2), or through r by slower double clicks (F = 1).
        const string Links = """
            qpu alice { qubits = 2; } qpu bob { qubits = 2; } repeater r { memories = 2; }
            link alice -- bob { length = 20 km; rate = 1 MHz; scheme = single_click; bright_state = 0.2; }
            link alice -- r { length = 40 km; rate = 1 MHz; scheme = double_click; }
            link r -- bob { length = 40 km; rate = 1 MHz; scheme = double_click; }
            """;
        var byFidelity = new Router(TestSupport.CompileNetwork($"network n {{ {Links} }}"));
        var route = byFidelity.Route("alice", "bob")!.Value;
        Assert.Equal(["alice", "r", "bob"], route.ToArray());
        Assert.Equal(1, byFidelity.Estimate(route).Fidelity, 12);
        var byTime = new Router(TestSupport.CompileNetwork($"network n {{ routing = time; {Links} }}"));
        var fast = byTime.Route("alice", "bob")!.Value;
        Assert.Equal(["alice", "bob"], fast.ToArray());
        // Single click over 20 km: p = 2·0.2·10^(−0.2); one attempt 1 µs + 20 km / v.
        double p = 2 * 0.2 * Math.Pow(10, -0.2);
        Assert.Equal((1e-6 + 20e3 / 2e8) / p, byTime.Estimate(fast).ExpectedSeconds, 12);
        Assert.Equal(0.8, byTime.Estimate(fast).Fidelity, 12);
    }

    [Theory]
    [InlineData("", 0.1, 1.0, 1.0)]
    [InlineData("scheme = double_click;", 0.5, 0.5, 0.5)]
    [InlineData("scheme = source;", 0.5, 0.5, 1.0)]
    public void DarkCountsAddFalseHeraldsThatDiluteThePairs(string scheme, double a, double b, double k)
    {
        // Direct: total_loss 10 dB, η = 0.1. Midpoint schemes: 6.0206 dB in all, each arm 1/2.
        double total = scheme == "" ? 10 : -20 * Math.Log10(0.5);
        const double Dark = 0.01, Fidelity = 0.95;
        var (link, _, _) = LinkOf(Pair($"length = 2 km; total_loss = {total} dB; fidelity = {Fidelity}; dark_count = {Dark}; {scheme}"));
        // One click: p = p_t + (1 − p_t)p_d; two detections: k(a + (1−a)p_d)(b + (1−b)p_d).
        double trueHerald = k * a * b;
        double heralded = scheme == "" ? a + (1 - a) * Dark : k * (a + (1 - a) * Dark) * (b + (1 - b) * Dark);
        Assert.Equal(heralded, link.Success, 12);
        // False heralds are maximally mixed: the Werner parameter shrinks by the true fraction.
        double w = (4 * Fidelity - 1) / 3 * (trueHerald / heralded);
        Assert.Equal((1 + 3 * w) / 4, link.Generated.Fidelity, 12);
        Assert.True(link.Generated.Fidelity < Fidelity);
        // Without dark counts nothing changes.
        var (clean, _, _) = LinkOf(Pair($"length = 2 km; total_loss = {total} dB; fidelity = {Fidelity}; {scheme}"));
        Assert.Equal(trueHerald, clean.Success, 12);
        Assert.Equal(Fidelity, clean.Generated.Fidelity, 12);
    }

    [Theory]
    [InlineData("scheme = single_click; bright_state = 0.2;", 2 * 0.2 * 0.5, 0.8)]
    [InlineData("scheme = double_click;", 0.5 * 0.5 / 2, 1.0)]
    [InlineData("scheme = source;", 0.5 * 0.5, 1.0)]
    [InlineData("scheme = source; dark_count = 0.1;", 0.55 * 0.55, (1 + 3 * (0.25 / (0.55 * 0.55))) / 4)]
    public void SimulatedPairsFollowTheScheme(string scheme, double success, double fidelity)
    {
        // Each arm transmits exactly 1/2 (total_loss 6.0206 dB split equally), detectors perfect.
        string link = $"length = 2 km; total_loss = {-20 * Math.Log10(0.5)} dB; {scheme}";
        var circuit = TestSupport.Compile(NetworkPhysicsTests.Chain(1, link, "") + """
            program bell on chain {
                qubit[2] a @ alice;
                qubit[2] b @ bob;
                epr a[0], b[0];
            }
            """);
        var result = TestSupport.Run(circuit, 4000);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(fidelity, pair.MeanFidelity, 6);
        // Attempts per pair are geometric: mean 1/p, standard deviation √(1−p)/p.
        double standardError = Math.Sqrt(1 - success) / success / Math.Sqrt(pair.Count);
        Assert.InRange(pair.MeanAttempts, 1 / success - 4 * standardError, 1 / success + 4 * standardError);
    }
}
