using System.Diagnostics;

namespace QNetLang.Compiler;

/// <summary>
/// A stopwatch read as consecutive laps: each lap runs from the end of the previous one, so
/// the laps of a compilation add up to its total with nothing left between them.
/// </summary>
internal sealed class LapClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private double _lastLap;

    /// <summary>Milliseconds since the previous lap (or the start).</summary>
    public double Lap()
    {
        double now = _watch.Elapsed.TotalMilliseconds;
        double lap = now - _lastLap;
        _lastLap = now;
        return lap;
    }

    /// <summary>
    /// Milliseconds from the start to the end of the last lap: exactly the sum of the laps. Read
    /// later from the watch, a garbage collection after the last lap would open a gap the laps
    /// do not account for.
    /// </summary>
    public double Total => _lastLap;
}
