using QNetLang.Ir;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// One link's physics, in simulator units (docs/simulator.md, "Links"):
/// attempt duration = 1/rate (or attempt_time, or 0) + 2·length/fiber_speed;
/// attempt success = success if given, else 10^(−loss·length/10) (or 10^(−total_loss/10))
/// × the link's detector_efficiency × the detector_efficiency of end nodes that are endnodes;
/// then × availability. Satellite-style links with pass_duration and pass_interval attempt only
/// inside the windows [k·interval, k·interval + duration).
/// </summary>
public sealed record LinkModel(
    int From,
    int To,
    double LengthMeters,
    long OneWayPs,
    long AttemptPs,
    double Success,
    double Transmissivity,
    double DetectorEfficiency,
    BellDiagonal Generated,
    long? CutoffPs,
    long? WindowPs,
    long? IntervalPs)
{
    public static LinkModel Create(NetworkLink link, int from, int to, NodeModel fromNode, NodeModel toNode, double fiberSpeed)
    {
        double length = link.Length;
        double eta = link.Get("total_loss") is { } totalDb
            ? Math.Pow(10, -totalDb / 10)
            : Math.Pow(10, -(link.Get("loss") ?? 0.2) * (length / 1000) / 10);
        double detectors = (link.Get("detector_efficiency") ?? 1)
            * (fromNode.Kind == NodeKind.EndNode ? fromNode.DetectorEfficiency : 1)
            * (toNode.Kind == NodeKind.EndNode ? toNode.DetectorEfficiency : 1);
        double availability = link.Get("availability") ?? 1;
        double success = (link.Get("success") ?? eta * detectors) * availability;
        long oneWay = SimTime.FromSeconds(length / fiberSpeed);
        double extra = link.Get("rate") is { } rate ? 1 / rate : link.Get("attempt_time") ?? 0;
        long attempt = SimTime.FromSeconds(extra) + 2 * oneWay;
        long? cutoff = link.Get("cutoff") is { } c ? SimTime.FromSeconds(c) : null;
        long? window = link.Get("pass_duration") is { } d ? SimTime.FromSeconds(d) : null;
        long? interval = link.Get("pass_interval") is { } i ? SimTime.FromSeconds(i) : null;
        if (window is null || interval is null || window >= interval) { window = null; interval = null; }
        return new LinkModel(from, to, length, oneWay, attempt, success, eta, link.Get("detector_efficiency") ?? 1, BellDiagonal.Werner(link.Get("fidelity") ?? 1), cutoff, window, interval);
    }

    /// <summary>
    /// When the <paramref name="attempts"/>-th attempt started at or after <paramref name="start"/>
    /// ends (its herald is back), attempting back to back inside the visibility windows.
    /// </summary>
    public long CompletionTime(long start, long attempts)
    {
        if (WindowPs is not { } window || IntervalPs is not { } interval)
            return Saturating(start, attempts, AttemptPs);
        long s = start;
        long remaining = attempts;
        while (true)
        {
            long windowStart = s / interval * interval;
            long windowEnd = windowStart + window;
            if (s >= windowEnd)
            {
                s = windowStart + interval;
                continue;
            }
            if (AttemptPs == 0) return s;
            long fits = (windowEnd - s + AttemptPs - 1) / AttemptPs; // attempt starts in [s, windowEnd)
            if (remaining <= fits) return Saturating(s, remaining, AttemptPs);
            remaining -= fits;
            long perWindow = (window + AttemptPs - 1) / AttemptPs;
            long skip = (remaining - 1) / perWindow;
            long next = windowStart + interval;
            if (skip > (long.MaxValue / 4 - next) / interval) return long.MaxValue / 4;
            s = next + skip * interval;
            remaining -= skip * perWindow;
        }
    }

    private static long Saturating(long start, long count, long step)
    {
        if (step == 0) return start;
        if (count > (long.MaxValue / 4 - start) / step) return long.MaxValue / 4;
        return start + count * step;
    }
}
