using QNetLang.Ir;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// One link's physics in simulator units (integer picoseconds), converted once per run from
/// <see cref="LinkPhysics"/>, the model the router uses too (docs/simulator.md, "Links").
/// Satellite-style links with pass_duration and pass_interval attempt only inside the windows
/// [k·interval, k·interval + duration). <see cref="EmitPs"/> is the source's period (1/rate or
/// attempt_time, 0 when the link gives neither): a `send` emits at most one photon per period.
/// <see cref="DarkCount"/>, <see cref="Misalignment"/> and <see cref="MeanPhotonNumber"/> (a
/// coherent source's intensity, null for single photons) shape what a `send` delivers
/// (<see cref="PulseStatistics"/>).
/// <see cref="Distillation"/> is the link's own `distill` and `target_fidelity`, null when it gives none.
/// </summary>
public sealed record LinkModel(
    int From,
    int To,
    long OneWayPs,
    long AttemptPs,
    double Success,
    double Transmissivity,
    double DetectorEfficiency,
    BellDiagonal Generated,
    long? CutoffPs,
    long? WindowPs,
    long? IntervalPs,
    long EmitPs,
    DistillationPolicy? Distillation = null,
    double DarkCount = 0,
    double Misalignment = 0,
    double? MeanPhotonNumber = null)
{
    public static LinkModel Create(NetworkLink link, Ir.Network network, int from, int to)
    {
        var physics = LinkPhysics.Of(link, network);
        long oneWay = SimTime.FromSeconds(physics.OneWaySeconds);
        long attempt = SimTime.FromSeconds(physics.SetupSeconds) + (long)Math.Round(physics.HeraldTrips * oneWay);
        return new LinkModel(from, to, oneWay, attempt, physics.SuccessProbability, physics.Transmissivity, physics.DetectorEfficiency,
            BellDiagonal.Werner(physics.Fidelity),
            physics.CutoffSeconds is { } c ? SimTime.FromSeconds(c) : null,
            physics.WindowSeconds is { } w ? SimTime.FromSeconds(w) : null,
            physics.IntervalSeconds is { } i ? SimTime.FromSeconds(i) : null,
            SimTime.FromSeconds(physics.SetupSeconds),
            link.Spec.Distill is { } d ? DistillationPolicy.Of(d) : null,
            link.Spec.DarkCount, link.Spec.Misalignment,
            link.Spec.Source == PhotonSource.Coherent ? link.Spec.MeanPhotonNumber : null);
    }

    /// <summary>
    /// When the <paramref name="attempts"/>-th attempt started at or after <paramref name="start"/>
    /// ends (its herald is back), attempting back to back inside the visibility windows.
    /// </summary>
    public long CompletionTime(long start, long attempts)
    {
        if (WindowPs is not { } window || IntervalPs is not { } interval)
            return Advance(start, attempts, AttemptPs);
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
            if (remaining <= fits) return Advance(s, remaining, AttemptPs);
            remaining -= fits;
            long perWindow = (window + AttemptPs - 1) / AttemptPs;
            long skip = (remaining - 1) / perWindow;
            long next = windowStart + interval;
            if (skip > (long.MaxValue - next) / interval) return long.MaxValue;
            s = next + skip * interval;
            remaining -= skip * perWindow;
        }
    }

    /// <summary>
    /// start + count·step exactly, or <see cref="long.MaxValue"/> when that is beyond the clock's
    /// range (about 106 days, past any --max-time, so the caller stops with QN4105). Never a
    /// clamped time that could pass for a real one.
    /// </summary>
    private static long Advance(long start, long count, long step)
    {
        if (step == 0) return start;
        if (count > (long.MaxValue - start) / step) return long.MaxValue;
        return start + count * step;
    }
}
