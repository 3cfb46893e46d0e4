namespace QNetLang.Cluster.Grains;

/// <summary>A program's files, sent once per run to the store grain named by its hash.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgramPayload([property: Id(0)] string Hash, [property: Id(1)] Dictionary<string, string> Files);

/// <summary>
/// One work item: groups [<see cref="FirstGroup"/>, <see cref="EndGroup"/>) of the run that
/// the program named by <see cref="ProgramHash"/> makes with <see cref="Options"/>
/// (<see cref="WorkOptions"/>). The client's version travels along so that a worker of another
/// version refuses instead of computing different numbers.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkItem(
    [property: Id(0)] string ClientVersion,
    [property: Id(1)] string ProgramHash,
    [property: Id(2)] string Options,
    [property: Id(3)] int FirstGroup,
    [property: Id(4)] int EndGroup);

public enum WorkStatus
{
    Done,
    /// <summary>The worker could not get the program (its store was on a worker that left): send it again.</summary>
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
