namespace QNetLang.Ir;

/// <summary>Queries over a node's instruction stream shared by the schedule checks and the emitters: every step in order, the bits it touches, the qubits each step uses.</summary>
public static class NodeInstructions
{
    /// <summary>Every instruction, conditionals followed by their branches, in program order.</summary>
    public static IEnumerable<NodeInstruction> Flatten(IEnumerable<NodeInstruction> instructions) =>
        instructions.SelectMany(i => i is ConditionalInstruction c ? new[] { i }.Concat(Flatten(c.Then)).Concat(Flatten(c.Else)) : [i]);

    /// <summary>The bits the node measures into, assigns, reads, sends, receives or tests, in bit order.</summary>
    public static SortedSet<int> BitsUsed(IEnumerable<NodeInstruction> instructions)
    {
        var bits = new SortedSet<int>();
        foreach (var instruction in Flatten(instructions))
        {
            switch (instruction)
            {
                case LocalInstruction { Operation: MeasureOperation { Bit: { } b } }: bits.Add(b); break;
                case LocalInstruction { Operation: ClassicalAssignOperation a }: bits.UnionWith(a.Targets); bits.UnionWith(BitReads.Of(a)); break;
                case LocalInstruction { Operation: GateOperation g }: bits.UnionWith(BitReads.Of(g)); break;
                case SendBitInstruction s: bits.Add(s.Bit); break;
                case ReceiveBitInstruction r: bits.Add(r.Bit); break;
                case ReceiveQubitInstruction { ArrivalBit: { } f }: bits.Add(f); break;
                case ConditionalInstruction c: bits.UnionWith(Conditions.BitsOf(c.Condition)); break;
            }
        }
        return bits;
    }

    /// <summary>The qubits one instruction acts on (none for a conditional itself: its branches are separate instructions).</summary>
    public static IEnumerable<int> QubitsTouched(NodeInstruction instruction) => instruction switch
    {
        LocalInstruction { Operation: GateOperation g } => g.Qubits,
        LocalInstruction { Operation: MeasureOperation m } => [m.Qubit],
        LocalInstruction { Operation: ResetOperation r } => [r.Qubit],
        EntangleInstruction e => [e.Qubit],
        SendQubitInstruction s => [s.Qubit],
        ReceiveQubitInstruction r => [r.Qubit],
        _ => [],
    };

}
