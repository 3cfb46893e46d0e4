namespace QNetLang.Simulation;

/// <summary>
/// Simulated time is an integer number of picoseconds (docs/simulator.md §3): exact, totally ordered,
/// and wide enough (±2^63 ps ≈ 106 days) for satellite passes.
/// </summary>
public static class SimTime
{
    public const long PerSecond = 1_000_000_000_000L;

    /// <summary>
    /// The longest run the clock can represent, and so the largest --max-time: 9·10^6 s (about
    /// 104 days), just inside 2^63 ps.
    /// </summary>
    public const double MaxSeconds = 9e6;

    /// <summary>
    /// Rounds to the nearest picosecond. A duration beyond the clock's range becomes
    /// <see cref="long.MaxValue"/>, which is past any time limit, so whatever waits for it stops
    /// the run with QN4105; it is never mistaken for a real time.
    /// </summary>
    public static long FromSeconds(double seconds)
    {
        double ps = Math.Round(seconds * PerSecond);
        if (!(ps < long.MaxValue)) return long.MaxValue;
        return (long)ps;
    }

    /// <summary><paramref name="time"/> + <paramref name="duration"/>, or <see cref="long.MaxValue"/> (past any limit) when that is beyond the clock.</summary>
    public static long After(long time, long duration) =>
        duration > long.MaxValue - time ? long.MaxValue : time + duration;

    public static double ToSeconds(long ps) => ps / (double)PerSecond;
}
