namespace QNetLang.Ir;

/// <summary>The simulated-time limit a run stops at (QN4105), and that `check` warns against (QN3005).</summary>
public static class TimeLimits
{
    /// <summary>30 days: far beyond any realistic protocol, well inside the picosecond clock's range (about 106 days).</summary>
    public const double DefaultMaxTimeSeconds = 30 * 24 * 3600.0;
}
