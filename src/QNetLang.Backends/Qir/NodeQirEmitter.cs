using System.Globalization;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Backends.Qir;

/// <summary>
/// One QIR module per node (QIR 2.0 with opaque pointers, or QIR 1.0 with typed pointers), mirroring <see cref="Qasm3.NodeQasmEmitter"/>: local qubits are
/// numbered within the node, the bits the node touches become its results (in bit order), network
/// operations are calls to the <c>__quantum__net__*</c> functions documented in docs/qir.md, and
/// the bits the node holds at the end are recorded as output, grouped by register (an array per
/// register, a tuple around them when there are several) and labelled with their names.
/// A node with no feed-forward and no reuse of a measured qubit is written in the Base Profile;
/// any other in the Adaptive Profile, conditions becoming trees of forward branches on
/// <c>read_result</c>. A runtime loop is the one construct that needs an optional capability:
/// its body ends with a branch back to the test, declared as <c>backwards_branching</c>.
/// </summary>
public static class NodeQirEmitter
{
    /// <summary>
    /// The first runtime classical computation in the program (an assignment, a gate angle or a
    /// condition computed from a node's bits), which per-node QIR does not express: what it is,
    /// and where (null for a condition, which keeps no location). Null when there is none.
    /// </summary>
    public static (string What, Location? At)? FirstRuntimeClassical(DistributedProgram program)
    {
        foreach (var instruction in program.Nodes.SelectMany(n => NodeInstructions.Flatten(n.Instructions)))
        {
            switch (instruction)
            {
                case LocalInstruction { Operation: ClassicalAssignOperation a }:
                    return ("a classical assignment computed at run time", a.Location);
                case LocalInstruction { Operation: GateOperation { HasRuntimeParameters: true } g }:
                    return ($"the angle of '{g.Gate.Name}', computed at run time", g.Location);
                case ConditionalInstruction { Condition: var c } when ContainsClassical(c):
                    return ("a condition computed from classical variables", null);
            }
        }
        return null;
    }

    private static bool ContainsClassical(Condition condition) => condition switch
    {
        ClassicalCondition => true,
        NotCondition n => ContainsClassical(n.Operand),
        AndCondition a => a.Operands.Any(ContainsClassical),
        OrCondition o => o.Operands.Any(ContainsClassical),
        _ => false,
    };

    public static string Emit(DistributedProgram circuit, NodeProgram program, QirVersion version = QirVersion.Two)
    {
        var qubits = new Dictionary<int, int>();
        foreach (int q in program.Qubits) qubits[q] = qubits.Count;
        var results = new Dictionary<int, int>();
        foreach (int b in NodeInstructions.BitsUsed(program.Instructions)) results[b] = results.Count;
        // A qubit receive without an arrival bit, or a measurement whose value is dropped, still
        // needs a result to write into: one scratch result serves them all.
        int? scratch = NodeInstructions.Flatten(program.Instructions)
            .Any(i => i is ReceiveQubitInstruction { ArrivalBit: null } or LocalInstruction { Operation: MeasureOperation { Bit: null } }) ? results.Count : null;
        int resultCount = results.Count + (scratch is null ? 0 : 1);
        var profile = ChooseProfile(program.Instructions);

        var module = new QirModuleWriter(version);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        module.Comment($"Node {program.Node} of network {circuit.Network.Name}, program {circuit.Name}: {QirVersions.Name(version)}, {QirProfiles.AttributeValue(profile)}.");
        module.Comment("Network operations are calls to __quantum__net__* (docs/qir.md); manifest.json of --emit qasm3 pairs them across nodes.");
        foreach (var (global, local) in qubits)
            module.Comment($"qubit {N(local)} = {circuit.Qubits[global].Name}{(circuit.Qubits[global].Role == QubitRole.Communication ? " (communication)" : "")}");
        foreach (var (bit, local) in results) module.Comment($"result {N(local)} = {circuit.Bits[bit].Name}");
        if (scratch is { } s) module.Comment($"result {N(s)} = scratch (measurements without a bit, arrival flags nobody reads)");

        var state = new BodyWriter(module, circuit, qubits, results, scratch);
        module.Block("entry");
        module.Instruction(QirTemplates.InitializeCall(version), QirTemplates.Initialize);
        state.Write(program.Instructions);
        RecordOutput(module, circuit, program, results);
        module.Instruction("ret i64 0");
        string entry = "ENTRYPOINT__" + QirTemplates.Identifier(circuit.Name) + "__" + QirTemplates.Identifier(program.Node);
        return module.Write(entry, profile, qubits.Count, resultCount);
    }

    /// <summary>
    /// Records the program's bits the node holds at the end, grouped by register in the order
    /// the registers first appear: a register with elements is an array
    /// (<c>array_record_output</c> with its length, labelled with the register's name, then
    /// each element's result labelled <c>r[i]</c>, in element order), a scalar bit one result;
    /// when the node records more than one register they are the items of one tuple labelled
    /// with the program's name. A node holding part of a register records only that part.
    /// </summary>
    private static void RecordOutput(QirModuleWriter module, DistributedProgram circuit, NodeProgram program, Dictionary<int, int> results)
    {
        var groups = results.Keys
            .Where(bit => circuit.Bits[bit].Role == BitRole.Program && circuit.FinalBitOwner[bit] == program.Node)
            .GroupBy(bit => circuit.Bits[bit].Register, StringComparer.Ordinal)
            .Select(g => g.OrderBy(bit => circuit.Bits[bit].Element ?? -1).ToList())
            .ToList();
        if (groups.Count > 1)
            module.Instruction(QirTemplates.RecordGroup(QirTemplates.RecordTuple, groups.Count, module.AddLabel(circuit.Name)), QirTemplates.RecordTuple);
        foreach (var group in groups)
        {
            var first = circuit.Bits[group[0]];
            if (first.Element is not null)
                module.Instruction(QirTemplates.RecordGroup(QirTemplates.RecordArray, group.Count, module.AddLabel(first.Register)), QirTemplates.RecordArray);
            foreach (int bit in group)
                module.Instruction(QirTemplates.Record(results[bit], module.AddLabel(circuit.Bits[bit].Name), module.Version), QirTemplates.RecordResult);
        }
    }

    /// <summary>
    /// Base Profile only when the node's program is a straight line that neither waits for nor
    /// sends classical values and never touches a qubit after measuring it (the Base Profile
    /// forbids that, and a reset is such a touch); anything else needs the Adaptive Profile.
    /// </summary>
    public static QirProfile ChooseProfile(IEnumerable<NodeInstruction> instructions)
    {
        var measured = new HashSet<int>();
        foreach (var instruction in NodeInstructions.Flatten(instructions))
        {
            switch (instruction)
            {
                case ConditionalInstruction or ReceiveBitInstruction or SendBitInstruction or ReceiveQubitInstruction:
                case LocalInstruction { Operation: ResetOperation }:
                    return QirProfile.Adaptive;
            }
            var touched = NodeInstructions.QubitsTouched(instruction);
            if (touched.Any(measured.Contains)) return QirProfile.Adaptive;
            if (instruction is LocalInstruction { Operation: MeasureOperation m }) measured.Add(m.Qubit);
        }
        return QirProfile.Base;
    }

    /// <summary>Writes instructions into the entry point, opening blocks for conditionals.</summary>
    private sealed class BodyWriter(QirModuleWriter module, DistributedProgram circuit, Dictionary<int, int> qubits, Dictionary<int, int> results, int? scratch)
    {
        private int _blocks;
        private int _values;

        private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        public void Write(IEnumerable<NodeInstruction> instructions)
        {
            foreach (var instruction in instructions)
            {
                switch (instruction)
                {
                    case LocalInstruction l:
                        Local(l.Operation);
                        break;
                    case EntangleInstruction e:
                        module.Instruction(QirTemplates.Call(QirTemplates.Entangle, [QirTemplates.Int(e.PairId), QirTemplates.Qubit(qubits[e.Qubit], module.Version)]), QirTemplates.Entangle,
                            "with " + e.Peer + (e.Path.Length > 2 ? " via " + string.Join(" -- ", e.Path) : ""));
                        break;
                    case SendBitInstruction s:
                        module.Instruction(QirTemplates.Call(QirTemplates.SendResult, [QirTemplates.Int(s.MessageId), QirTemplates.Result(results[s.Bit], module.Version)]), QirTemplates.SendResult,
                            $"{circuit.Bits[s.Bit].Name} to {s.To}");
                        break;
                    case ReceiveBitInstruction r:
                        module.Instruction(QirTemplates.Call(QirTemplates.ReceiveResult, [QirTemplates.Int(r.MessageId), QirTemplates.Result(results[r.Bit], module.Version)]), QirTemplates.ReceiveResult,
                            $"{circuit.Bits[r.Bit].Name} from {r.From}");
                        break;
                    case SendQubitInstruction s:
                        module.Instruction(QirTemplates.Call(QirTemplates.SendQubit, [QirTemplates.Int(s.MessageId), QirTemplates.Qubit(qubits[s.Qubit], module.Version)]), QirTemplates.SendQubit, "to " + s.To);
                        break;
                    case ReceiveQubitInstruction r:
                        int flag = r.ArrivalBit is { } a ? results[a] : scratch!.Value;
                        module.Instruction(QirTemplates.Call(QirTemplates.ReceiveQubit, [QirTemplates.Int(r.MessageId), QirTemplates.Qubit(qubits[r.Qubit], module.Version), QirTemplates.Result(flag, module.Version)]),
                            QirTemplates.ReceiveQubit, "from " + r.From);
                        break;
                    case ConditionalInstruction c:
                        Conditional(c);
                        break;
                    default:
                        throw new InvalidOperationException($"no QIR template for {instruction.GetType().Name}");
                }
            }
        }

        private void Local(Operation operation)
        {
            switch (operation)
            {
                case GateOperation g:
                    foreach (var (gate, angles, operands) in QirDecompositions.Expand(g.Gate, g.Parameters, g.Qubits))
                        module.Gate(gate.QirName!, angles, operands.Select(q => qubits[q]).ToArray());
                    break;
                case MeasureOperation m:
                    int result = m.Bit is { } b ? results[b] : scratch!.Value;
                    module.Instruction(QirTemplates.MeasureInto(qubits[m.Qubit], result, module.Version), QirTemplates.Measure);
                    break;
                case ResetOperation r:
                    module.Instruction(QirTemplates.ResetQubit(qubits[r.Qubit], module.Version), QirTemplates.Reset);
                    break;
                case BarrierOperation barrier:
                    // QIR has no barrier; nothing after this backend reorders, so a comment keeps the trace.
                    module.Instruction("; barrier " + string.Join(", ", barrier.Qubits.Select(q => circuit.Qubits[q].Name)));
                    break;
                default:
                    throw new InvalidOperationException($"no QIR template for {operation.GetType().Name} on a node");
            }
        }

        private void Conditional(ConditionalInstruction c)
        {
            if (c.IsLoop)
            {
                Loop(c);
                return;
            }
            string id = N(_blocks++);
            string then = "then_" + id, otherwise = "else_" + id, next = "continue_" + id;
            Condition(c.Condition, then, c.Else.Length > 0 ? otherwise : next);
            module.Block(then);
            Write(c.Then);
            module.Instruction(QirTemplates.Jump(next));
            if (c.Else.Length > 0)
            {
                module.Block(otherwise);
                Write(c.Else);
                module.Instruction(QirTemplates.Jump(next));
            }
            module.Block(next);
        }

        /// <summary>A runtime loop: a block that tests the condition, the body, and a branch back to the test.</summary>
        private void Loop(ConditionalInstruction loop)
        {
            string id = N(_blocks++);
            string test = "while_" + id, body = "do_" + id, next = "done_" + id;
            module.BackwardBranching = true;
            module.Instruction(QirTemplates.Jump(test));
            module.Block(test);
            Condition(loop.Condition, body, next);
            module.Block(body);
            Write(loop.Then);
            module.Instruction(QirTemplates.Jump(test));
            module.Block(next);
        }

        /// <summary>Branches to <paramref name="then"/> when the condition holds, else to <paramref name="otherwise"/>; both lie ahead, so every branch is forward.</summary>
        private void Condition(Condition condition, string then, string otherwise)
        {
            switch (condition)
            {
                case BitCondition bit:
                    string value = "r" + N(_values++);
                    module.Instruction(QirTemplates.Read(value, results[bit.Bit], module.Version), QirTemplates.ReadResult, circuit.Bits[bit.Bit].Name);
                    module.Instruction(bit.Value ? QirTemplates.Branch(value, then, otherwise) : QirTemplates.Branch(value, otherwise, then));
                    break;
                case NotCondition not:
                    Condition(not.Operand, otherwise, then);
                    break;
                case AndCondition and:
                    Chain(and.Operands, then, otherwise, isAnd: true);
                    break;
                case OrCondition or:
                    Chain(or.Operands, then, otherwise, isAnd: false);
                    break;
                case ConstantCondition constant:
                    module.Instruction(QirTemplates.Jump(constant.Value ? then : otherwise));
                    break;
                default:
                    throw new InvalidOperationException($"no QIR template for {condition.GetType().Name}");
            }
        }

        /// <summary>Short-circuit evaluation: each operand but the last decides early or falls through to a test of the next.</summary>
        private void Chain(IReadOnlyList<Condition> operands, string then, string otherwise, bool isAnd)
        {
            if (operands.Count == 0)
            {
                module.Instruction(QirTemplates.Jump(isAnd ? then : otherwise));
                return;
            }
            for (int i = 0; i < operands.Count - 1; i++)
            {
                string next = "test_" + N(_blocks++);
                if (isAnd) Condition(operands[i], next, otherwise);
                else Condition(operands[i], then, next);
                module.Block(next);
            }
            Condition(operands[^1], then, otherwise);
        }
    }
}
