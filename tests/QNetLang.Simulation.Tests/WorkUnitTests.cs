using QNetLang.Simulation.Blocks;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// A run's work units (<see cref="PreparedRun"/>) can run in any order, anywhere, and travel as
/// bytes: run backwards, encoded, decoded and merged, they give exactly what
/// <see cref="Simulator.Run"/> gives — the property the cluster relies on.
/// </summary>
public class WorkUnitTests
{
    [Theory]
    [InlineData("bb84.qn", 1000, false)]          // figures; one block per group
    [InlineData("repeater_chain.qn", 2500, true)] // pairs and swaps; records and a timeline
    [InlineData("distributed_qft.qn", 4200, false)] // shared branches: groups of 32 blocks
    public void UnitsRunInAnyOrderAndDecodedGiveTheLocalResult(string example, int shots, bool record)
    {
        var program = TestSupport.CompileFile(Path.Combine(TestSupport.Examples, example));
        var options = new RunOptions { Shots = shots, Seed = 21, RecordShots = record, RecordTimeline = record };
        var local = Simulator.RunOrThrow(program, options);

        var run = new PreparedRun(program, options);
        Assert.Equal(shots, Enumerable.Range(0, run.Groups).Sum(run.ShotsIn));
        var encoded = new byte[run.Groups][];
        for (int group = run.Groups - 1; group >= 0; group--) encoded[group] = PreparedRun.Encode(run.RunGroup(group));
        var elsewhere = new PreparedRun(program, options);
        var merged = elsewhere.Finish([.. encoded.Select(elsewhere.Decode)], 0);

        Assert.Equal(RunReport.ToJson([local], countLimit: null), RunReport.ToJson([merged], countLimit: null));
        Assert.Equal(RunReport.ToText(local), RunReport.ToText(merged));
        Assert.Equal(local.Records, merged.Records);
        Assert.Equal(local.Timeline, merged.Timeline);
    }

    [Fact]
    public void DataOfAnotherFormatOrRunIsRefused()
    {
        var program = TestSupport.CompileFile(Path.Combine(TestSupport.Examples, "bb84.qn"));
        var small = new PreparedRun(program, new RunOptions { Shots = 64 });
        var bytes = PreparedRun.Encode(new PreparedRun(program, new RunOptions { Shots = 640 }).RunGroup(5));
        Assert.Throws<InvalidDataException>(() => small.Decode(bytes));
        bytes[0] ^= 0xff;
        Assert.Throws<InvalidDataException>(() => small.Decode(bytes));
    }
}
