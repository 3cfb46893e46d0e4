namespace QNetLang.Simulation;

/// <summary>One shot as `--records` writes it: its index, simulated time and count key (registers separated by spaces).</summary>
public sealed record ShotRecord(int Shot, long TimePs, string Key);
