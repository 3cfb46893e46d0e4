using QNetLang.Distribution.Passes;

namespace QNetLang.Compiler;

/// <summary>The distribution passes in order: partition → distribute → route → schedule.</summary>
public static class DistributionPipeline
{
    public static PassManager Create() => new([new PartitionPass(), new DistributePass(), new RoutePass(), new SchedulePass()]);
}
