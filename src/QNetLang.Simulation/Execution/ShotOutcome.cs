using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Execution;

/// <summary>One event of a shot's timeline (for the --plot timeline): what happened where, from when to when.</summary>
public readonly record struct TimelineEntry(string Node, string What, long StartPs, long EndPs);

/// <summary>
/// What one shot produced: the final bits, the simulated time (until its last operation), the
/// period (when the next shot can start: the time, unless sends over a link with a rate pipeline
/// the shots behind their sources), the pairs it consumed.
/// </summary>
internal sealed record ShotOutcome(int[] Bits, long TimePs, long PeriodPs, IReadOnlyList<PairDelivery> Pairs, IReadOnlyList<TimelineEntry>? Timeline);
