using QNetLang.Simulation.Execution;

namespace QNetLang.Simulation.Blocks;

/// <summary>
/// What running one work unit (<see cref="PreparedRun.RunGroup"/>) gives: the aggregates of its
/// blocks in block order and, for the group of shot 0 when asked for, shot 0's timeline.
/// </summary>
public sealed record GroupResult(int Group, IReadOnlyList<BlockAggregate> Blocks, IReadOnlyList<TimelineEntry>? Timeline);
