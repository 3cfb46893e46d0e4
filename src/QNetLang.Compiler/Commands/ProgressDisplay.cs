using Spectre.Console;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// A progress bar for work that runs longer than a second on a terminal (runs and sweeps). It
/// only watches counters the work updates; what the work computes never depends on it.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>One bar: its label, its total, and how far the work has come.</summary>
    public sealed record Bar(string Label, double Total, Func<double> Done);

    /// <summary>Waits for <paramref name="work"/>, showing <paramref name="bars"/> when it takes over a second and <paramref name="show"/> is true.</summary>
    public static void WaitFor(Task work, bool show, params Bar[] bars)
    {
        if (!show || work.Wait(TimeSpan.FromSeconds(1))) return;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var tasks = bars.Select(b => (Bar: b, Task: context.AddTask(b.Label, maxValue: b.Total))).ToList();
                while (!work.Wait(TimeSpan.FromMilliseconds(100)))
                    foreach (var (bar, task) in tasks) task.Value = bar.Done();
                foreach (var (bar, task) in tasks) task.Value = bar.Total;
            });
    }
}
