using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Distribution.Scheduling;

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

/// <summary>A conditional evaluated on this node's copies of the bits (received beforehand).</summary>
public sealed record ConditionalInstruction(Condition Condition, ImmutableArray<NodeInstruction> Then, ImmutableArray<NodeInstruction> Else) : NodeInstruction;

/// <summary>The program of one node.</summary>
public sealed record NodeProgram(string Node, ImmutableArray<int> Qubits, ImmutableArray<NodeInstruction> Instructions);

/// <summary>
/// The per-node view of a distributed circuit: one program per processor that takes part, the
/// node that holds each classical bit at the end, and counts of the communication.
/// </summary>
public sealed record DistributedSchedule(
    ImmutableArray<NodeProgram> Programs,
    ImmutableArray<string?> FinalBitOwner,
    int Pairs,
    int BitMessages,
    int QubitMessages);
