using System.Collections.Immutable;
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
    /// The first runtime classical construct in the program that per-node QIR cannot express
    /// (the Adaptive Profile has no instruction for it, <see cref="QirClassicalWriter"/>): what
    /// it is, and where (null for a condition, which keeps no location). Null when every node's
    /// module can be written. It writes each module once and keeps nothing, so it and
    /// <see cref="Emit"/> cannot disagree.
    /// </summary>
    public static (string What, Location? At)? FirstUnexpressible(DistributedProgram program)
    {
        foreach (var node in program.Nodes)
        {
            try
            {
                Emit(program, node);
            }
            catch (QirUnexpressibleException e)
            {
                return (e.What, e.At);
            }
        }
        return null;
    }

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

        var state = new BodyWriter(module, circuit, program, qubits, results, scratch);
        module.Block("entry");
        module.Instruction(QirTemplates.InitializeCall(version), QirTemplates.Initialize);
        state.Write(program.Instructions);
        RecordOutput(module, circuit, program, results, state);
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
    private static void RecordOutput(QirModuleWriter module, DistributedProgram circuit, NodeProgram program, Dictionary<int, int> results, BodyWriter body)
    {
        var groups = results.Keys
            .Where(bit => circuit.Bits[bit].Role == BitRole.Program && circuit.FinalBitOwner[bit] == program.Node)
            .GroupBy(bit => circuit.Bits[bit].Register, StringComparer.Ordinal)
            .Select(g => g.OrderBy(bit => circuit.Bits[bit].Element ?? -1).ToList())
            .ToList();
        // Recording calls may be followed only by other recording calls and the return, so the
        // computed bits are taken out of their patterns first.
        body.PrepareRecords(groups.SelectMany(g => g));
        if (groups.Count > 1)
            module.Instruction(QirTemplates.RecordGroup(QirTemplates.RecordTuple, groups.Count, module.AddLabel(circuit.Name)), QirTemplates.RecordTuple);
        foreach (var group in groups)
        {
            var first = circuit.Bits[group[0]];
            if (first.Element is not null)
                module.Instruction(QirTemplates.RecordGroup(QirTemplates.RecordArray, group.Count, module.AddLabel(first.Register)), QirTemplates.RecordArray);
            foreach (int bit in group)
                body.Record(bit, module.AddLabel(circuit.Bits[bit].Name));
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
                case LocalInstruction { Operation: ResetOperation or ClassicalAssignOperation or GateOperation { HasRuntimeParameters: true } }:
                    return QirProfile.Adaptive;
            }
            var touched = NodeInstructions.QubitsTouched(instruction);
            if (touched.Any(measured.Contains)) return QirProfile.Adaptive;
            if (instruction is LocalInstruction { Operation: MeasureOperation m }) measured.Add(m.Qubit);
        }
        return QirProfile.Base;
    }

    /// <summary>
    /// The current value of a bit that is not (or no longer) what its result holds: a constant or
    /// an <c>i1</c> SSA value (<see cref="Value"/>), or bit <see cref="Index"/> of the <c>i64</c>
    /// pattern <see cref="Word"/> (of <see cref="Width"/> bits) a runtime assignment computed,
    /// taken out only where a single bit is needed. A bit absent from the state is read from its
    /// result (it was measured or received last).
    /// </summary>
    private sealed record KnownBit(string? Value, string? Word = null, int Index = 0, int Width = 0);

    /// <summary>An edge into a block: where it comes from, the branch that takes it, and the bits' state along it.</summary>
    private sealed record Edge(string From, QirModuleWriter.BodyLine Branch, ImmutableDictionary<int, KnownBit> State);

    /// <summary>
    /// Writes instructions into the entry point, opening blocks for conditionals. Bits written by
    /// runtime assignments live in SSA values (a result can only be written by a measurement);
    /// the state maps each such bit to its value, every branch records the state it carries, and
    /// a block reached with different values of a bit starts with a <c>phi</c> (SSA construction
    /// over the structured control flow; a loop header's <c>phi</c>s get their back-edge values
    /// once the body is written).
    /// </summary>
    private sealed class BodyWriter : IQirCode
    {
        private readonly QirModuleWriter module;
        private readonly DistributedProgram circuit;
        private readonly Dictionary<int, int> qubits;
        private readonly Dictionary<int, int> results;
        private readonly int? scratch;
        private readonly QirClassicalWriter _classical;
        private readonly Dictionary<string, List<Edge>> _incoming = new(StringComparer.Ordinal);
        private ImmutableDictionary<int, KnownBit> _state;
        private int _blocks;
        private int _values;

        public BodyWriter(QirModuleWriter module, DistributedProgram circuit, NodeProgram program, Dictionary<int, int> qubits, Dictionary<int, int> results, int? scratch)
        {
            this.module = module;
            this.circuit = circuit;
            this.qubits = qubits;
            this.results = results;
            this.scratch = scratch;
            _classical = new QirClassicalWriter(this);
            // A bit that a runtime assignment writes is 0 until written (the simulator's rule), so
            // reading it first needs no result. Bits only measured or received keep reading their
            // result, as before runtime values existed.
            var assigned = NodeInstructions.Flatten(program.Instructions)
                .OfType<LocalInstruction>().Select(l => l.Operation).OfType<ClassicalAssignOperation>().SelectMany(a => a.Targets);
            _state = assigned.Distinct().ToImmutableDictionary(b => b, _ => new KnownBit("false"));
        }

        public string CurrentBlock { get; private set; } = "entry";

        private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        public string NewValue() => "%v" + N(_values++);

        public string NewLabel(string prefix) => prefix + "_" + N(_blocks++);

        public void Emit(string text, string on)
        {
            if (on == "i64") module.IntComputations = true;
            else if (on == "double") module.FloatComputations = true;
            module.Instruction(text);
        }

        public bool? ConstantBit(int bit) => _state.TryGetValue(bit, out var known) ? known.Value switch { "true" => true, "false" => false, _ => null } : null;

        public (string Word, int Index, int Width)? WordBit(int bit) =>
            _state.TryGetValue(bit, out var known) && known.Word is { } word ? (word, known.Index, known.Width) : null;

        /// <summary>The bit of a pattern as an <c>i1</c>, written here (not kept: a later block need not be dominated by this one).</summary>
        private string Extract(KnownBit known, Action<string> write)
        {
            string masked = NewValue(), value = NewValue();
            write($"{masked} = and i64 {known.Word}, {unchecked((long)(1UL << known.Index)).ToString(CultureInfo.InvariantCulture)}");
            write($"{value} = icmp ne i64 {masked}, 0");
            module.IntComputations = true;
            return value;
        }

        public string ReadBit(int bit)
        {
            if (_state.TryGetValue(bit, out var known)) return known.Value ?? Extract(known, text => module.Instruction(text));
            string value = "%r" + N(_values++);
            module.Instruction(QirTemplates.Read(value[1..], results[bit], module.Version), QirTemplates.ReadResult, circuit.Bits[bit].Name);
            return value;
        }

        public void Branch(string condition, string then, string otherwise)
        {
            if (condition is "true" or "false")
            {
                Jump(condition == "true" ? then : otherwise);
                return;
            }
            var line = module.Instruction(QirTemplates.Branch(condition[1..], then, otherwise));
            Arrive(then, line);
            Arrive(otherwise, line);
        }

        public void Jump(string label) => Arrive(label, module.Instruction(QirTemplates.Jump(label)));

        private void Arrive(string label, QirModuleWriter.BodyLine line)
        {
            if (!_incoming.TryGetValue(label, out var edges)) _incoming[label] = edges = [];
            edges.Add(new Edge(CurrentBlock, line, _state));
        }

        /// <summary>Opens a block; when its incoming edges disagree on a bit's value, a <c>phi</c> merges them.</summary>
        public void Block(string label)
        {
            module.Block(label);
            CurrentBlock = label;
            if (!_incoming.Remove(label, out var edges) || edges.Count == 0) return;
            var merged = edges[0].State;
            var bits = edges.SelectMany(e => e.State.Keys).Distinct().Order().ToList();
            foreach (int bit in bits)
            {
                var values = edges.Select(e => e.State.GetValueOrDefault(bit)).ToList();
                if (values.All(v => v == values[0]))
                {
                    merged = values[0] is { } same ? merged.SetItem(bit, same) : merged.Remove(bit);
                    continue;
                }
                string phi = NewValue();
                var incoming = edges.Select((e, i) => $"[ {ValueAtEnd(e, bit)}, %{e.From} ]");
                module.Instruction($"{phi} = phi i1 {string.Join(", ", incoming)}");
                merged = merged.SetItem(bit, new KnownBit(phi));
            }
            _state = merged;
        }

        /// <summary>The bit's value at the end of the edge's block: its known value, or its result read just before the branch.</summary>
        private string ValueAtEnd(Edge edge, int bit)
        {
            if (edge.State.TryGetValue(bit, out var known)) return known.Value ?? Extract(known, text => module.InsertBefore(edge.Branch, text));
            string value = "%r" + N(_values++);
            module.InsertBefore(edge.Branch, QirTemplates.Read(value[1..], results[bit], module.Version) + "  ; " + circuit.Bits[bit].Name, QirTemplates.ReadResult);
            return value;
        }

        public void Write(IEnumerable<NodeInstruction> instructions)
        {
            foreach (var instruction in instructions)
            {
                switch (instruction)
                {
                    case LocalInstruction l:
                        try
                        {
                            Local(l.Operation);
                        }
                        catch (QirUnexpressibleException e) when (e.At is null)
                        {
                            e.At = l.Operation.Location;
                            throw;
                        }
                        break;
                    case EntangleInstruction e:
                        module.Instruction(QirTemplates.Call(QirTemplates.Entangle, [QirTemplates.Int(e.PairId), QirTemplates.Qubit(qubits[e.Qubit], module.Version)]), QirTemplates.Entangle,
                            "with " + e.Peer + (e.Path.Length > 2 ? " via " + string.Join(" -- ", e.Path) : ""));
                        break;
                    case SendBitInstruction s when _state.ContainsKey(s.Bit):
                        // A computed bit is in no result: it is sent as a value (the receiver still writes it into a result).
                        module.Instruction(QirTemplates.Call(QirTemplates.SendBool, [QirTemplates.Int(s.MessageId), "i1 " + ReadBit(s.Bit)]), QirTemplates.SendBool,
                            $"{circuit.Bits[s.Bit].Name} to {s.To}");
                        break;
                    case SendBitInstruction s:
                        module.Instruction(QirTemplates.Call(QirTemplates.SendResult, [QirTemplates.Int(s.MessageId), QirTemplates.Result(results[s.Bit], module.Version)]), QirTemplates.SendResult,
                            $"{circuit.Bits[s.Bit].Name} to {s.To}");
                        break;
                    case ReceiveBitInstruction r:
                        module.Instruction(QirTemplates.Call(QirTemplates.ReceiveResult, [QirTemplates.Int(r.MessageId), QirTemplates.Result(results[r.Bit], module.Version)]), QirTemplates.ReceiveResult,
                            $"{circuit.Bits[r.Bit].Name} from {r.From}");
                        _state = _state.Remove(r.Bit);
                        break;
                    case SendQubitInstruction s:
                        module.Instruction(QirTemplates.Call(QirTemplates.SendQubit, [QirTemplates.Int(s.MessageId), QirTemplates.Qubit(qubits[s.Qubit], module.Version)]), QirTemplates.SendQubit, "to " + s.To);
                        break;
                    case ReceiveQubitInstruction r:
                        int flag = r.ArrivalBit is { } a ? results[a] : scratch!.Value;
                        module.Instruction(QirTemplates.Call(QirTemplates.ReceiveQubit, [QirTemplates.Int(r.MessageId), QirTemplates.Qubit(qubits[r.Qubit], module.Version), QirTemplates.Result(flag, module.Version)]),
                            QirTemplates.ReceiveQubit, "from " + r.From);
                        if (r.ArrivalBit is { } arrived) _state = _state.Remove(arrived);
                        break;
                    case ConditionalInstruction c:
                        Conditional(c);
                        break;
                    default:
                        throw new InvalidOperationException($"no QIR template for {instruction.GetType().Name}");
                }
            }
        }

        private readonly Dictionary<int, string> _recorded = [];

        /// <summary>The <c>i1</c> values of the computed bits about to be recorded, written before the first recording call.</summary>
        public void PrepareRecords(IEnumerable<int> bits)
        {
            foreach (int bit in bits)
                if (_state.ContainsKey(bit)) _recorded[bit] = ReadBit(bit);
        }

        /// <summary>Records the program's bits: a bit in its result with <c>result_record_output</c>, a computed one with <c>bool_record_output</c>.</summary>
        public void Record(int bit, string label)
        {
            if (_recorded.TryGetValue(bit, out var value))
                module.Instruction(QirTemplates.Call(QirTemplates.RecordBool, ["i1 " + value, label]), QirTemplates.RecordBool);
            else
                module.Instruction(QirTemplates.Record(results[bit], label, module.Version), QirTemplates.RecordResult);
        }

        private void Local(Operation operation)
        {
            switch (operation)
            {
                case GateOperation { HasRuntimeParameters: true } g:
                    RuntimeGate(g);
                    break;
                case GateOperation g:
                    foreach (var (gate, angles, operands) in QirDecompositions.Expand(g.Gate, g.Parameters, g.Qubits))
                        module.Gate(gate.QirName!, angles, operands.Select(q => qubits[q]).ToArray());
                    break;
                case ClassicalAssignOperation assign:
                {
                    var value = _classical.Compile(assign.Value);
                    bool pattern = value.Constant is null && value.Type.Kind is not (ClassicalKind.Bool or ClassicalKind.Float);
                    for (int i = 0; i < assign.Targets.Length; i++)
                    {
                        var known = pattern && i < 64 ? new KnownBit(null, value.Operand, i, value.Type.Width) : new KnownBit(_classical.BitOf(value, i));
                        _state = _state.SetItem(assign.Targets[i], known);
                    }
                    break;
                }
                case MeasureOperation m:
                    int result = m.Bit is { } b ? results[b] : scratch!.Value;
                    module.Instruction(QirTemplates.MeasureInto(qubits[m.Qubit], result, module.Version), QirTemplates.Measure);
                    if (m.Bit is { } measured) _state = _state.Remove(measured);
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

        /// <summary>
        /// A gate whose angles are computed at run time: each angle in radians as a <c>double</c>;
        /// a gate without an intrinsic is expanded as for constant angles, every angle of its
        /// decomposition being an affine function of the gate's (c + Σ aᵢ·θᵢ, found by evaluating
        /// the decomposition at 0 and at each unit vector).
        /// </summary>
        private void RuntimeGate(GateOperation g)
        {
            var angles = g.RuntimeParameters.Select(p => _classical.Real(_classical.Compile(p))).ToList();
            int count = g.Parameters.Length;
            var zero = new double[count];
            var origin = QirDecompositions.Expand(g.Gate, zero, g.Qubits).ToList();
            var unit = Enumerable.Range(0, count).Select(i =>
            {
                var e = new double[count];
                e[i] = 1;
                return QirDecompositions.Expand(g.Gate, e, g.Qubits).ToList();
            }).ToList();
            for (int step = 0; step < origin.Count; step++)
            {
                var (gate, constant, operands) = origin[step];
                var operandsText = new List<string>();
                for (int k = 0; k < constant.Length; k++)
                {
                    string? sum = constant[k] == 0 ? null : QirTemplates.Double(constant[k])["double ".Length..];
                    for (int i = 0; i < count; i++)
                    {
                        double coefficient = unit[i][step].Angles[k] - constant[k];
                        if (coefficient == 0) continue;
                        string term = angles[i];
                        if (coefficient != 1)
                        {
                            term = NewValue();
                            Emit($"{term} = fmul double {QirTemplates.Double(coefficient)["double ".Length..]}, {angles[i]}", "double");
                        }
                        if (sum is null) sum = term;
                        else
                        {
                            string added = NewValue();
                            Emit($"{added} = fadd double {sum}, {term}", "double");
                            sum = added;
                        }
                    }
                    operandsText.Add("double " + (sum ?? QirTemplates.Double(0)["double ".Length..]));
                }
                module.GateWithOperands(gate.QirName!, operandsText, operands.Select(q => qubits[q]).ToArray());
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
            Block(then);
            Write(c.Then);
            Jump(next);
            if (c.Else.Length > 0)
            {
                Block(otherwise);
                Write(c.Else);
                Jump(next);
            }
            Block(next);
        }

        /// <summary>
        /// A runtime loop: a block that tests the condition, the body, and a branch back to the
        /// test. The bits the body may change from a computed value start the test block with a
        /// <c>phi</c> over the value before the loop and the value at the end of the body.
        /// </summary>
        private void Loop(ConditionalInstruction loop)
        {
            string id = N(_blocks++);
            string test = "while_" + id, body = "do_" + id, next = "done_" + id;
            module.BackwardBranching = true;
            var assigned = new HashSet<int>();
            var written = new HashSet<int>();
            foreach (var instruction in NodeInstructions.Flatten(loop.Then))
            {
                switch (instruction)
                {
                    case LocalInstruction { Operation: ClassicalAssignOperation a }: assigned.UnionWith(a.Targets); break;
                    case LocalInstruction { Operation: MeasureOperation { Bit: { } m } }: written.Add(m); break;
                    case ReceiveBitInstruction r: written.Add(r.Bit); break;
                    case ReceiveQubitInstruction { ArrivalBit: { } f }: written.Add(f); break;
                }
            }
            var carried = assigned.Concat(written.Where(_state.ContainsKey)).Distinct().Order().ToList();
            Jump(test);
            module.Block(test);
            CurrentBlock = test;
            var phis = new List<(int Bit, string Value, QirModuleWriter.BodyLine Line)>();
            foreach (int bit in carried)
            {
                string value = NewValue();
                phis.Add((bit, value, module.Instruction("")));
                _state = _state.SetItem(bit, new KnownBit(value));
            }
            Condition(loop.Condition, body, next);
            Block(body);
            Write(loop.Then);
            Jump(test);
            _incoming.Remove(test, out var edges);
            foreach (var (bit, value, line) in phis)
                line.Text = $"  {value} = phi i1 {string.Join(", ", edges!.Select(e => $"[ {ValueAtEnd(e, bit)}, %{e.From} ]"))}";
            Block(next);
        }

        /// <summary>Branches to <paramref name="then"/> when the condition holds, else to <paramref name="otherwise"/>; both lie ahead, so every branch is forward.</summary>
        private void Condition(Condition condition, string then, string otherwise)
        {
            switch (condition)
            {
                case BitCondition bit:
                    if (ConstantBit(bit.Bit) is { } constant)
                    {
                        Jump(constant == bit.Value ? then : otherwise);
                        break;
                    }
                    string value = ReadBit(bit.Bit);
                    if (bit.Value) Branch(value, then, otherwise);
                    else Branch(value, otherwise, then);
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
                case ConstantCondition constantCondition:
                    Jump(constantCondition.Value ? then : otherwise);
                    break;
                case ClassicalCondition classical:
                {
                    var test = _classical.Compile(classical.Test);
                    if (test.Constant is { } c) Jump(c.AsBool ? then : otherwise);
                    else Branch(_classical.Truth(test), then, otherwise);
                    break;
                }
                default:
                    throw new InvalidOperationException($"no QIR template for {condition.GetType().Name}");
            }
        }

        /// <summary>Short-circuit evaluation: each operand but the last decides early or falls through to a test of the next.</summary>
        private void Chain(IReadOnlyList<Condition> operands, string then, string otherwise, bool isAnd)
        {
            if (operands.Count == 0)
            {
                Jump(isAnd ? then : otherwise);
                return;
            }
            for (int i = 0; i < operands.Count - 1; i++)
            {
                string next = "test_" + N(_blocks++);
                if (isAnd) Condition(operands[i], next, otherwise);
                else Condition(operands[i], then, next);
                Block(next);
            }
            Condition(operands[^1], then, otherwise);
        }
    }
}
