using System.Collections.Immutable;
namespace QNetLang.Ir;

/// <summary>One step of one node's program. Qubit and bit indices are the circuit's.</summary>
public abstract record NodeInstruction;

/// <summary>A gate, measurement, reset or barrier on qubits this node holds.</summary>
public sealed record LocalInstruction(Operation Operation) : NodeInstruction;

/// <summary>This node's half of Bell pair <see cref="PairId"/> lands in <see cref="Qubit"/>; the peer does the same.</summary>
public sealed record EntangleInstruction(int PairId, int Qubit, string Peer, ImmutableArray<string> Path) : NodeInstruction;

/// <summary>Sends the current value of a bit to another node (message <see cref="MessageId"/>).</summary>
public sealed record SendBitInstruction(int MessageId, int Bit, string To) : NodeInstruction;

/// <summary>Waits for message <see cref="MessageId"/> and stores it in this node's copy of <see cref="Bit"/>.</summary>
public sealed record ReceiveBitInstruction(int MessageId, int Bit, string From) : NodeInstruction;

/// <summary>Puts the physical qubit on the link to <see cref="To"/> (prepare-and-measure protocols).</summary>
public sealed record SendQubitInstruction(int MessageId, int Qubit, string To) : NodeInstruction;

/// <summary>Receives the qubit of message <see cref="MessageId"/>; <see cref="ArrivalBit"/> (if any) records whether it arrived.</summary>
public sealed record ReceiveQubitInstruction(int MessageId, int Qubit, string From, int? ArrivalBit) : NodeInstruction;

/// <summary>
/// A conditional evaluated on this node's copies of the bits (received beforehand). With
/// <see cref="IsLoop"/> it is a runtime `while`: after <see cref="Then"/> the condition is
/// tested again (the body ends by receiving any tested bit another node wrote), so every node
/// that replays the loop runs the same number of iterations.
/// </summary>
public sealed record ConditionalInstruction(Condition Condition, ImmutableArray<NodeInstruction> Then, ImmutableArray<NodeInstruction> Else) : NodeInstruction
{
    public bool IsLoop { get; init; }

    /// <summary>The `if` or `while` in the source (none when read back from emitted files), for run-time messages about the loop.</summary>
    public QNetLang.Core.Location Location { get; init; }
}

/// <summary>The program of one node.</summary>
public sealed record NodeProgram(string Node, ImmutableArray<int> Qubits, ImmutableArray<NodeInstruction> Instructions);

/// <summary>
/// The distributed program: the one artifact the pipeline produces and every consumer takes as
/// is. The simulator executes <see cref="Nodes"/> (each node's stream is one process of the
/// discrete-event engine); the OpenQASM 3 and QIR emitters write them; `qnlc run
/// manifest.json` reads them back. It holds the typed network (links with their physics),
/// every qubit with the node that holds it at the start, every classical bit with its register
/// and role, one program per node that takes part (with the routes of its Bell pairs), and the
/// node whose copy of each bit is final.
/// </summary>
public sealed record DistributedProgram(
    string Name,
    Network Network,
    ImmutableArray<QubitInfo> Qubits,
    ImmutableArray<BitInfo> Bits,
    ImmutableArray<NodeProgram> Nodes,
    ImmutableArray<string?> FinalBitOwner)
{
    /// <summary>The program's figures of merit, in declaration order: computed from the bits after the run, never executed by a node.</summary>
    public ImmutableArray<FigureDefinition> Figures { get; init; } = [];

    /// <summary>Bell pairs the programs request (each pair's two <see cref="EntangleInstruction"/>s count once).</summary>
    public int Pairs => CountDistinct<EntangleInstruction>(e => e.PairId);

    /// <summary>Classical bit messages between nodes.</summary>
    public int BitMessages => CountDistinct<SendBitInstruction>(s => s.MessageId);

    /// <summary>Physical qubits sent over links.</summary>
    public int QubitMessages => CountDistinct<SendQubitInstruction>(s => s.MessageId);

    /// <summary>The bits the source program declared (its results), in declaration order.</summary>
    public IEnumerable<BitInfo> ProgramBits => Bits.Where(b => b.Role == BitRole.Program);

    private int CountDistinct<T>(Func<T, int> id) where T : NodeInstruction =>
        Nodes.SelectMany(n => NodeInstructions.Flatten(n.Instructions)).OfType<T>().Select(id).Distinct().Count();
}
