namespace QNetLang.Cluster.Grains;

/// <summary>A program's files with their hash: sent to a worker once, with the first of its items that worker gets.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgramPayload([property: Id(0)] string Hash, [property: Id(1)] Dictionary<string, string> Files);

/// <summary>
/// One work item: groups [<see cref="FirstGroup"/>, <see cref="EndGroup"/>) of the run that
/// the program named by <see cref="ProgramHash"/> makes with <see cref="Options"/>
/// (<see cref="WorkOptions"/>). The client's version travels along so that a worker of another
/// version refuses instead of computing different numbers. <see cref="Program"/> is null unless
/// the worker answered <see cref="WorkStatus.ProgramMissing"/> for this item before.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkItem(
    [property: Id(0)] string ClientVersion,
    [property: Id(1)] string ProgramHash,
    [property: Id(2)] string Options,
    [property: Id(3)] int FirstGroup,
    [property: Id(4)] int EndGroup,
    [property: Id(5)] ProgramPayload? Program = null);

public enum WorkStatus
{
    Done,
    /// <summary>The worker does not have the program yet: send the item again with it.</summary>
    ProgramMissing,
    VersionMismatch,
    /// <summary>The run hit a limit the user can fix (a QN41xx diagnostic): the same on every worker, so no retry.</summary>
    SimulationLimit,
}

/// <summary>
/// A worker's answer: for <see cref="WorkStatus.Done"/> the groups' results in order, each as
/// the bytes of <c>PreparedRun.Encode</c>; otherwise a diagnostic code and message.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkReply(
    [property: Id(0)] WorkStatus Status,
    [property: Id(1)] List<byte[]> Groups,
    [property: Id(2)] string Worker,
    [property: Id(3)] string? Code,
    [property: Id(4)] string? Message,
    [property: Id(5)] double Seconds);
