namespace QNetLang.Simulation;

/// <summary>
/// Simulated time is an integer number of picoseconds (DESIGN.md §6): exact, totally ordered,
/// and wide enough (±2^63 ps ≈ 106 days) for satellite passes.
/// </summary>
public static class SimTime
{
    public const long PerSecond = 1_000_000_000_000L;

    /// <summary>Rounds to the nearest picosecond; saturates far beyond any simulated horizon.</summary>
    public static long FromSeconds(double seconds)
    {
        double ps = Math.Round(seconds * PerSecond);
        if (ps >= long.MaxValue / 2) return long.MaxValue / 2;
        return (long)ps;
    }

    public static double ToSeconds(long ps) => ps / (double)PerSecond;
}
