using QNetLang.Core;
using QNetLang.Distribution.Scheduling;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>Builds the per-node programs (with their classical messages) and proves they cannot deadlock.</summary>
public sealed class SchedulePass : IPass
{
    public string Name => "schedule";

    public IReadOnlyList<string> Requires => [CircuitProperties.Local, CircuitProperties.Routed];

    public IReadOnlyList<string> Guarantees => [CircuitProperties.Scheduled];

    public Circuit Run(Circuit circuit, PassContext context)
    {
        var schedule = new Scheduler(circuit).Build();
        if (DeadlockChecker.Find(schedule) is { } finding)
        {
            if (finding.Exhausted)
                context.Diagnostics.Report(Diagnostics.DeadlockCheckExhausted, FirstLocation(circuit), DeadlockChecker.DefaultStateBudget);
            else
                context.Diagnostics.Report(Diagnostics.Deadlock, WhereItWaits(circuit), finding.Description);
        }
        context.Program = schedule;
        return circuit;
    }

    /// <summary>
    /// The source line behind the first waiting instruction (in source order): the schedule is
    /// built again, remembering where each instruction came from, which costs nothing on the
    /// usual path where there is no deadlock.
    /// </summary>
    private static Location WhereItWaits(Circuit circuit)
    {
        var scheduler = new Scheduler(circuit, trackOrigins: true);
        var again = scheduler.Build();
        var locations = DeadlockChecker.Find(again)?.Waiting
            .Select(w => scheduler.Origins.TryGetValue(w.Instruction, out var at) ? at : Location.None)
            .Where(at => at.Source is not null)
            .OrderBy(at => at.Span.Start)
            .ToList() ?? [];
        return locations.Count > 0 ? locations[0] : FirstLocation(circuit);
    }

    private static Location FirstLocation(Circuit circuit) => circuit.Operations.Length > 0 ? circuit.Operations[0].Location : Location.None;
}
