using QNetLang.Core;
namespace QNetLang.Ir;

/// <summary>
/// The one model of a link's entanglement attempts, used by the router (to choose routes) and
/// by the simulator (to generate pairs). One attempt takes 1/rate (or attempt_time, or nothing)
/// plus the heralding round trip 2·length/c. It succeeds with `success` when given, otherwise
/// with the transmissivity η = 10^(−total_loss/10) or 10^(−loss·length/10) times the detector
/// efficiencies (the link's, and those of end nodes at either end); in both cases times the
/// link's availability. A link with visibility windows (pass_duration, pass_interval) attempts
/// only inside them.
/// </summary>
public sealed record LinkPhysics(
    double SetupSeconds,
    double OneWaySeconds,
    double Transmissivity,
    double DetectorEfficiency,
    double SuccessProbability,
    double Fidelity,
    double? CutoffSeconds,
    double? WindowSeconds,
    double? IntervalSeconds)
{
    public static LinkPhysics Of(NetworkLink link, Network network)
    {
        var spec = link.Spec;
        double oneWay = spec.Length / network.FiberSpeed;
        double setup = spec.Rate is { } rate ? 1 / rate : spec.AttemptTime ?? 0;
        double eta = spec.TotalLossDb is { } total
            ? Math.Pow(10, -total / 10)
            : Math.Pow(10, -spec.LossDbPerKm * (spec.Length / 1000) / 10);
        double detectors = spec.DetectorEfficiency * EndDetector(network.FindNode(link.From)) * EndDetector(network.FindNode(link.To));
        double success = (spec.Success ?? eta * detectors) * spec.Availability;
        bool windowed = spec.PassDuration is { } d && spec.PassInterval is { } i && d < i;
        return new LinkPhysics(setup, oneWay, eta, spec.DetectorEfficiency, success, spec.Fidelity, spec.Cutoff,
            windowed ? spec.PassDuration : null, windowed ? spec.PassInterval : null);
    }

    /// <summary>One attempt: the setup (1/rate or attempt_time) and the heralding round trip.</summary>
    public double AttemptSeconds => SetupSeconds + 2 * OneWaySeconds;

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
