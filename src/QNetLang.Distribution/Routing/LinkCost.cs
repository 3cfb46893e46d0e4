using QNetLang.Ir;

namespace QNetLang.Distribution.Routing;

/// <summary>
/// Expected time to generate one elementary pair on a link, the weight routes are chosen by.
/// One attempt takes 1/rate (or attempt_time) plus the heralding round trip 2·length/c (DESIGN.md
/// §5); it succeeds with `success`, or with transmissivity 10^(−loss·length/10) (or the whole
/// `total_loss`) times the detector efficiency and the link's availability. Expected time is
/// attempt time / success probability.
/// </summary>
public static class LinkCost
{
    /// <summary>Added to every link so that, between equally fast links, fewer hops win.</summary>
    private const double HopFloorSeconds = 1e-9;

    public static double AttemptSeconds(NetworkLink link, double fiberSpeed)
    {
        double setup = link.Get("attempt_time") ?? (link.Get("rate") is { } rate ? 1 / rate : 0);
        return setup + 2 * link.Length / fiberSpeed;
    }

    public static double SuccessProbability(NetworkLink link)
    {
        if (link.Get("success") is { } p) return p;
        double lossDb = link.Get("total_loss") ?? (link.Get("loss") ?? 0.2) * link.Length / 1000;
        double transmissivity = Math.Pow(10, -lossDb / 10);
        return transmissivity * (link.Get("detector_efficiency") ?? 1) * (link.Get("availability") ?? 1);
    }

    public static double ExpectedSeconds(NetworkLink link, double fiberSpeed)
    {
        double p = SuccessProbability(link);
        return p <= 0 ? double.PositiveInfinity : AttemptSeconds(link, fiberSpeed) / p + HopFloorSeconds;
    }
}
