using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Distribution.Scheduling;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// The deadlock check over hand-written per-node programs: it must find a deadlock that needs
/// a particular branch outcome (including ones a check of both branches in sequence misses),
/// treat copies of one conditional over the same values as taking the same branch, and treat
/// copies over different values (a stale copy) as independent.
/// </summary>
public class DeadlockCheckerTests
{
    // Bits 0 and 1 are m[0] and m[1] of the nested-if case; qubits 0 (s @ alice), 1 (t @ bob), 2 (r @ bob).
    private static readonly Condition M0Is1 = new BitCondition(0, true);
    private static readonly Condition M1Is0 = new BitCondition(1, false);

    private static DistributedProgram Program(ImmutableArray<NodeInstruction> alice, ImmutableArray<NodeInstruction> bob)
    {
        var result = TestCompiler.Compile("passes/nested_remote_if.qn");
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var program = Assert.Single(result.Distributed).Program!;
        return program with { Nodes = [new NodeProgram("alice", [0], alice), new NodeProgram("bob", [1, 2], bob)] };
    }

    private static LocalInstruction Measure(int qubit, int bit) => new(new MeasureOperation(qubit, bit, Location.None));

    private static LocalInstruction X(int qubit) => new(new GateOperation(GateCatalog.Get("x"), [], [qubit], Location.None));

    private static ConditionalInstruction If(Condition condition, ImmutableArray<NodeInstruction> then, ImmutableArray<NodeInstruction>? otherwise = null) =>
        new(condition, then, otherwise ?? []);

    [Fact]
    public void TheScheduleOfIssue15DeadlocksWhenTheOuterConditionHolds()
    {
        // What the scheduler used to build: bob sends the outer condition bit only after his own
        // copy of the conditional, inside which he waits for alice's m[1].
        var program = Program(
            [Measure(0, 1), new ReceiveBitInstruction(1, 0, "bob"), If(M0Is1, [new SendBitInstruction(0, 1, "bob")])],
            [Measure(1, 0), If(M0Is1, [new ReceiveBitInstruction(0, 1, "alice"), If(M1Is0, [X(2)])]), new SendBitInstruction(1, 0, "alice")]);
        var finding = DeadlockChecker.Find(program);
        Assert.NotNull(finding);
        Assert.False(finding.Exhausted);
        Assert.Contains("alice waits at bit message 1 from bob", finding.Description);
        Assert.Contains("m[0] == 1 holds at bob", finding.Description);
    }

    [Fact]
    public void TheFixedScheduleOfIssue15CannotDeadlock()
    {
        var program = Program(
            [Measure(0, 1), new ReceiveBitInstruction(1, 0, "bob"), If(M0Is1, [new SendBitInstruction(0, 1, "bob")])],
            [Measure(1, 0), new SendBitInstruction(1, 0, "alice"), If(M0Is1, [new ReceiveBitInstruction(0, 1, "alice"), If(M1Is0, [X(2)])])]);
        Assert.Null(DeadlockChecker.Find(program));
    }

    [Fact]
    public void AWaitThatOnlyTheOtherBranchAnswersIsADeadlock()
    {
        // Run both branches one after the other, bob's else sends what alice's then waits for,
        // so that order finishes; but both take the same branch, and in the then branch alice waits forever.
        var program = Program(
            [Measure(0, 0), new SendBitInstruction(0, 0, "bob"), If(M0Is1, [new ReceiveBitInstruction(1, 1, "bob")])],
            [new ReceiveBitInstruction(0, 0, "alice"), If(M0Is1, [], [new SendBitInstruction(1, 1, "alice")])]);
        var finding = DeadlockChecker.Find(program);
        Assert.NotNull(finding);
        Assert.Contains("m[0] == 1 holds", finding.Description);
    }

    [Fact]
    public void CopiesOfOneConditionalOverTheSameValueTakeTheSameBranch()
    {
        // A pair inside the then branch on both nodes, and another in both else branches: never
        // one node in each branch, because bob tests the value alice sent him.
        var program = Program(
            [Measure(0, 0), new SendBitInstruction(0, 0, "bob"), If(M0Is1, [new EntangleInstruction(0, 0, "bob", [])], [new EntangleInstruction(1, 0, "bob", [])])],
            [new ReceiveBitInstruction(0, 0, "alice"), If(M0Is1, [new EntangleInstruction(0, 1, "alice", [])], [new EntangleInstruction(1, 1, "alice", [])])]);
        Assert.Null(DeadlockChecker.Find(program));
    }

    [Fact]
    public void AStaleCopyMayTakeTheOtherBranch()
    {
        // Bob never received m[0]: his copy is the initial 0, so the two copies can disagree.
        var program = Program(
            [Measure(0, 0), If(M0Is1, [new EntangleInstruction(0, 0, "bob", [])])],
            [If(M0Is1, [new EntangleInstruction(0, 1, "alice", [])])]);
        var finding = DeadlockChecker.Find(program);
        Assert.NotNull(finding);
        Assert.Contains("Bell pair 0", finding.Description);
    }

    [Fact]
    public void ConditionalsWithoutCommunicationCostNoExploration()
    {
        // A thousand local corrections on fresh measurements: no fork, so a budget of one state suffices.
        var alice = Enumerable.Range(0, 1000).SelectMany(_ => new NodeInstruction[] { Measure(0, 1), If(new BitCondition(1, true), [X(0)]) });
        var program = Program([.. alice], [Measure(1, 0)]);
        Assert.Null(DeadlockChecker.Find(program, stateBudget: 1));
    }

    [Fact]
    public void TheCheckStopsAtItsBudget()
    {
        // Conditionals on ten different values, each with a pair inside and each tested again
        // later: every combination of outcomes stays relevant.
        var alice = new List<NodeInstruction>();
        var bob = new List<NodeInstruction>();
        int pair = 0;
        var conditions = new List<Condition>();
        for (int i = 0; i < 10; i++)
        {
            // Bit i + 2 does not exist in the case's table; the checker only needs indices.
            alice.Add(Measure(0, i + 2));
            alice.Add(new SendBitInstruction(i, i + 2, "bob"));
            bob.Add(new ReceiveBitInstruction(i, i + 2, "alice"));
            conditions.Add(new BitCondition(i + 2, true));
        }
        for (int round = 0; round < 2; round++)
            foreach (var condition in conditions)
            {
                alice.Add(If(condition, [new EntangleInstruction(pair, 0, "bob", [])]));
                bob.Add(If(condition, [new EntangleInstruction(pair, 1, "alice", [])]));
                pair++;
            }
        var program = Program([.. alice], [.. bob]);
        Assert.True(DeadlockChecker.Find(program, stateBudget: 100) is { Exhausted: true });
        Assert.Null(DeadlockChecker.Find(program, stateBudget: 1 << 13));
    }

    [Fact]
    public void EveryInstructionKnowsTheSourceLineBehindIt()
    {
        // What QN3004 reports: the line of the first waiting instruction. The messages that
        // carry condition bits come from the `if` that tests them (line 15 of the case).
        var result = TestCompiler.Compile("passes/nested_remote_if.qn", QNetLang.Compiler.CompilerStage.Route);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var circuit = Assert.Single(result.Distributed).Circuit;
        var scheduler = new Scheduler(circuit, trackOrigins: true);
        var program = scheduler.Build();
        var receives = program.Nodes.SelectMany(n => NodeInstructions.Flatten(n.Instructions)).OfType<ReceiveBitInstruction>().ToList();
        Assert.Equal(2, receives.Count);
        foreach (var receive in receives)
            Assert.Equal(15, scheduler.Origins[receive].Source!.GetLineColumn(scheduler.Origins[receive].Span.Start).Line);
        var measure = program.Nodes.Single(n => n.Node == "bob").Instructions.OfType<LocalInstruction>().First(i => i.Operation is MeasureOperation);
        Assert.Equal(13, scheduler.Origins[measure].Source!.GetLineColumn(scheduler.Origins[measure].Span.Start).Line);
    }
}
