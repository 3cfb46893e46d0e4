using QNetLang.Core;
namespace QNetLang.Ir;

/// <summary>
/// The one model of a link's entanglement attempts, used by the router (to choose routes) and
/// by the simulator (to generate pairs and time classical messages); docs/simulator.md §8 gives
/// every formula and its source.
/// <list type="bullet">
/// <item>Light travels at `fiber_speed` in fibre and at c in vacuum on free-space and satellite links.</item>
/// <item>Transmissivity over a distance d: fibre 10^(−loss·d/10); free space the far-field
/// diffraction (Friis) η = min(1, (π·D_t·D_r / (4·λ·d))²) times the atmosphere 10^(−A/(10·sin e))
/// and the pointing loss 10^(−P/10). `total_loss` replaces either model for the whole link.</item>
/// <item>The scheme sets the heralding: direct (a photon crosses the whole link, η over the
/// length, detected with the link's and both end nodes' efficiencies), single_click
/// (success α(η_A + η_B), fidelity 1 − α), double_click (η_A·η_B/2) or source (η_A·η_B), where
/// η_A and η_B are the arms' transmissivities over length/2 times the detector efficiencies.</item>
/// <item>One attempt takes 1/rate (or attempt_time, or nothing) plus the heralding: 2·L/v for
/// direct, L/v through a midpoint station, 1.5·L/v from a midpoint source (photons out, then
/// the two detections compared).</item>
/// <item>A midpoint SPDC source (`source = spdc`) emits a thermal number of pairs
/// (<see cref="ThermalPairSource"/>): multi-pair emission adds false heralds.</item>
/// <item>Dark counts (probability p_d per detection window) add false heralds, each a maximally
/// mixed pair: one click p = p_t + (1 − p_t)·p_d, two detections k·(a + (1−a)p_d)(b + (1−b)p_d);
/// the Werner parameter is multiplied by the true fraction p_t/p.</item>
/// <item>`success` replaces the computed success (dark counts included); `modes` multiplexed attempts per
/// round make it 1 − (1 − p)^modes; either is multiplied by `availability`. A
/// link with visibility windows (pass_duration, pass_interval) attempts only inside them.</item>
/// </list>
/// </summary>
public sealed record LinkPhysics(
    double SetupSeconds,
    double OneWaySeconds,
    double HeraldTrips,
    double Transmissivity,
    double ArmTransmissivity,
    double DetectorEfficiency,
    double SuccessProbability,
    double Fidelity,
    double? CutoffSeconds,
    double? WindowSeconds,
    double? IntervalSeconds)
{
    /// <summary>The speed of light in vacuum, m/s (exact by the SI definition of the metre).</summary>
    public const double VacuumLightSpeed = 299_792_458;

    public static LinkPhysics Of(NetworkLink link, Network network)
    {
        var spec = link.Spec;
        double oneWay = spec.Length / PropagationSpeed(spec.Kind, network);
        double setup = spec.Rate is { } rate ? 1 / rate : spec.AttemptTime ?? 0;
        double eta = spec.TotalLossDb is { } total ? Math.Pow(10, -total / 10) : Channel(spec, spec.Length);
        double arm = spec.TotalLossDb is { } t ? Math.Pow(10, -t / 20) : Channel(spec, spec.Length / 2);
        double endA = EndDetector(network.FindNode(link.From)), endB = EndDetector(network.FindNode(link.To));
        double d = spec.DetectorEfficiency, dark = spec.DarkCount;
        double fidelity = spec.Fidelity;
        (double True, double Heralded) herald;
        double trips;
        switch (spec.Scheme)
        {
            case HeraldingScheme.SingleClick:
                double alpha = spec.BrightState ?? throw new InvalidOperationException($"link {link.From} -- {link.To} has no bright_state: the network binder fills in every default");
                herald = OneClick(alpha * (arm * d + arm * d), dark);
                fidelity = SingleClickFidelity(spec.Fidelity, alpha);
                trips = 1;
                break;
            case HeraldingScheme.DoubleClick:
                herald = TwoClicks(arm * d, arm * d, 0.5, dark);
                trips = 1;
                break;
            case HeraldingScheme.Source:
                herald = spec.Source == PhotonSource.Spdc && spec.MeanPhotonNumber is { } pairs
                    ? ThermalPairSource.Herald(pairs, arm * d * endA, arm * d * endB, dark)
                    : TwoClicks(arm * d * endA, arm * d * endB, 1, dark);
                trips = 1.5;
                break;
            default:
                herald = OneClick(eta * d * endA * endB, dark);
                trips = 2;
                break;
        }
        if (spec.Success is null && herald.Heralded > 0)
            fidelity = DiluteWerner(fidelity, herald.True / herald.Heralded);
        double success = Multiplexed(spec.Success ?? herald.Heralded, spec.Modes) * spec.Availability;
        bool windowed = spec.PassDuration is { } pd && spec.PassInterval is { } pi && pd < pi;
        return new LinkPhysics(setup, oneWay, trips, eta, arm, d, success, fidelity, spec.Cutoff,
            windowed ? spec.PassDuration : null, windowed ? spec.PassInterval : null);
    }

    /// <summary>How fast light and classical messages travel on a link: `fiber_speed` in fibre, c in vacuum through free space.</summary>
    public static double PropagationSpeed(LinkKind kind, Network network) =>
        kind == LinkKind.Fiber ? network.FiberSpeed : VacuumLightSpeed;

    /// <summary>The channel's transmissivity over <paramref name="distance"/> metres, by its loss model (total_loss aside).</summary>
    private static double Channel(LinkSpec spec, double distance) => spec.Optics is { } optics
        ? FreeSpaceTransmissivity(optics, distance)
        : Math.Pow(10, -(spec.LossDbPerKm ?? 0) * (distance / 1000) / 10);

    /// <summary>
    /// Free-space transmissivity over <paramref name="distance"/> metres: far-field diffraction
    /// between two circular apertures (the Friis transmission formula with the apertures'
    /// areas, η = A_t·A_r/(λd)², capped at 1 in the near field), times the atmosphere at the
    /// zenith scaled by the air mass 1/sin(elevation), times the pointing loss. The Friis form
    /// is D_r²/(d·θ_d)² with the beam's divergence θ_d = 4λ/(π·D_t); turbulence next to the
    /// transmitter (an uplink's) widens it to √(θ_d² + θ_w²), θ_w = `beam_wander`.
    /// </summary>
    public static double FreeSpaceTransmissivity(FreeSpaceOptics optics, double distance)
    {
        double divergence = 4 * optics.Wavelength / (Math.PI * optics.TxAperture);
        double spread = divergence * divergence + optics.BeamWander * optics.BeamWander;
        double diffraction = distance <= 0 ? 1
            : Math.Min(1, optics.RxAperture * optics.RxAperture / (distance * distance * spread));
        double airMass = 1 / Math.Sin(optics.ElevationDegrees * Math.PI / 180);
        return diffraction * Math.Pow(10, -(optics.AtmosphericLossDb * airMass + optics.PointingLossDb) / 10);
    }

    /// <summary>
    /// Single-click pairs: the bright state's population α leaves a fraction α of heralds with
    /// both nodes excited, so F = 1 − α; twirled to a Werner state and composed with the
    /// link's own `fidelity` as independent depolarisations (Werner parameters multiply).
    /// </summary>
    public static double SingleClickFidelity(double linkFidelity, double alpha)
    {
        double w = (4 * linkFidelity - 1) / 3 * ((4 * (1 - alpha) - 1) / 3);
        return (1 + 3 * w) / 4;
    }

    /// <summary>
    /// A round of <paramref name="modes"/> multiplexed attempts, each heralding with probability
    /// <paramref name="p"/> independently, heralds when any does: 1 − (1 − p)^modes (computed
    /// as −expm1(modes·log1p(−p)) so that a tiny p keeps its precision). One heralded mode is
    /// kept; every mode's pair has the same state, so the fidelity does not change.
    /// </summary>
    public static double Multiplexed(double p, int modes) =>
        modes == 1 || p >= 1 ? p : -ExpM1(modes * LogP1(-p));

    // .NET's double.LogP1 and ExpM1 compute log(1 + x) and exp(x) − 1 directly, which loses
    // the digits of a tiny x; these are Goldberg's and Kahan's corrections (exact to a few ulp).
    private static double LogP1(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double m = u - 1;
        return m == -1 ? -1 : m * x / Math.Log(u);
    }

    /// <summary>A herald by one click: a photon's (probability p) or, when none came, a dark count's.</summary>
    public static (double True, double Heralded) OneClick(double p, double dark) => (p, p + (1 - p) * dark);

    /// <summary>
    /// A herald by two detections (one per photon, probabilities a and b, accepted with factor k:
    /// 1/2 for a linear-optics Bell-state analyser, 1 for a pair source's two nodes); each
    /// detection also fires on a dark count when its photon is lost: k·(a + (1−a)·p_d)(b + (1−b)·p_d).
    /// </summary>
    public static (double True, double Heralded) TwoClicks(double a, double b, double k, double dark) =>
        (k * a * b, k * (a + (1 - a) * dark) * (b + (1 - b) * dark));

    /// <summary>A Werner pair of fidelity F of which only a fraction of heralds are true, the rest maximally mixed: w' = w·fraction.</summary>
    public static double DiluteWerner(double fidelity, double trueFraction) =>
        (1 + 3 * ((4 * fidelity - 1) / 3 * trueFraction)) / 4;

    /// <summary>The heralding: 2·L/v direct, L/v through a midpoint station, 1.5·L/v from a midpoint source.</summary>
    public double HeraldSeconds => HeraldTrips * OneWaySeconds;

    /// <summary>One attempt: the setup (1/rate or attempt_time) and the heralding.</summary>
    public double AttemptSeconds => SetupSeconds + HeraldSeconds;

    private static double EndDetector(NetworkNode? node) => node is { Kind: NodeKind.EndNode } ? node.Spec.DetectorEfficiency : 1;

    /// <summary>
    /// Expected time to herald one pair: attempts until success times the attempt time,
    /// stretched by the fraction of time the link is visible. Infinite when it never succeeds.
    /// </summary>
    public double ExpectedSeconds
    {
        get
        {
            if (SuccessProbability <= 0) return double.PositiveInfinity;
            double visible = WindowSeconds is { } w && IntervalSeconds is { } i ? w / i : 1;
            return AttemptSeconds / SuccessProbability / visible;
        }
    }
}
