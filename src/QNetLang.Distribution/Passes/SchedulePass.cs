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
        if (DeadlockChecker.Check(schedule) is { } cycle)
        {
            var at = circuit.Operations.Length > 0 ? circuit.Operations[0].Location : Location.None;
            context.Diagnostics.Report(Diagnostics.Deadlock, at, cycle);
        }
        context.Program = schedule;
        return circuit;
    }
}
