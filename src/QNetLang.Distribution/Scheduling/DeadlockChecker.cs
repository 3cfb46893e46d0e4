using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using QNetLang.Ir;

namespace QNetLang.Distribution.Scheduling;

/// <summary>What the deadlock check found: a reachable state where no node can move, or that it gave up.</summary>
/// <param name="Description">What waits on what, and the branch outcomes that lead there.</param>
/// <param name="Waiting">The instruction each stuck node waits at.</param>
/// <param name="Exhausted">True when the check stopped at its state budget without finding a deadlock.</param>
public sealed record DeadlockFinding(string Description, ImmutableArray<(string Node, NodeInstruction Instruction)> Waiting, bool Exhausted = false);

/// <summary>
/// Executes the per-node programs abstractly, over every combination of branch outcomes that
/// can actually happen, to prove they cannot deadlock: a node blocks on a Bell pair until its
/// peer reaches the same pair, and on a received bit or qubit until it was sent.
/// <para>
/// Bit values are symbolic: a measurement (or a qubit's arrival flag) makes a fresh value, a
/// message carries the sender's value, and a conditional tests the node's own copies. Two
/// conditionals that test the same condition over the same values take the same branch, on
/// whichever node they run; any other pair of outcomes is treated as independent. Conditionals
/// without communication inside cannot block anything, so they are stepped over (their
/// measurements make fresh values). When every node is stuck or finished, the first node at an
/// undecided conditional forks the exploration into its two outcomes. States that agree on
/// every node's position, the messages and pairs in flight, which live copies share a value,
/// and the live outcomes are explored once, so a program of many independent conditionals
/// costs a few states each rather than a product.
/// </para>
/// </summary>
public static class DeadlockChecker
{
    /// <summary>States explored before the check gives up (each is one run to a fork point).</summary>
    public const int DefaultStateBudget = 20_000;

    /// <summary>Null when the programs always finish; otherwise a description of what waits on what.</summary>
    public static string? Check(DistributedProgram program) => Find(program)?.Description;

    /// <summary>Null when no combination of branch outcomes deadlocks; otherwise the first deadlock found (or that the budget ran out).</summary>
    public static DeadlockFinding? Find(DistributedProgram program, int stateBudget = DefaultStateBudget) =>
        new Exploration(program).Run(stateBudget);

    private sealed class Frame(ImmutableArray<NodeInstruction> instructions)
    {
        public readonly ImmutableArray<NodeInstruction> Instructions = instructions;
        public int Index;
    }

    /// <summary>One point of the exploration: where every node is and what it knows.</summary>
    private sealed class State
    {
        public required List<Frame>[] Stacks;
        public required Dictionary<int, int>[] Copies;          // per node: bit → value symbol (absent: the initial 0)
        public required Dictionary<int, int> BitsInFlight;      // message → value symbol
        public required HashSet<int> QubitsInFlight;
        public required Dictionary<int, int> WaitingAtPair;     // pair → node index
        public required Dictionary<string, bool> Outcomes;      // condition over symbols → branch taken
        public required List<string> Choices;                   // the outcomes chosen, for the message

        public State Clone() => new()
        {
            Stacks = Stacks.Select(s => s.Select(f => new Frame(f.Instructions) { Index = f.Index }).ToList()).ToArray(),
            Copies = Copies.Select(c => new Dictionary<int, int>(c)).ToArray(),
            BitsInFlight = new(BitsInFlight),
            QubitsInFlight = [.. QubitsInFlight],
            WaitingAtPair = new(WaitingAtPair),
            Outcomes = new(Outcomes, StringComparer.Ordinal),
            Choices = [.. Choices],
        };
    }

    private sealed class Exploration
    {
        private readonly DistributedProgram _program;
        private readonly string[] _nodes;
        private readonly Dictionary<ConditionalInstruction, bool> _communicates = new(ReferenceEqualityComparer.Instance);
        private int _symbols;
        // Built on the first fork only: a program without communicating conditionals never needs them.
        private Dictionary<NodeInstruction, int>[]? _flatIndex;
        private Dictionary<int, int>[]? _lastRead;
        private Dictionary<string, int>[]? _lastTest;

        public Exploration(DistributedProgram program)
        {
            _program = program;
            _nodes = [.. program.Nodes.Select(n => n.Node)];
        }

        public DeadlockFinding? Run(int budget)
        {
            var start = new State
            {
                Stacks = [.. _program.Nodes.Select(n => new List<Frame> { new(n.Instructions) })],
                Copies = [.. _program.Nodes.Select(_ => new Dictionary<int, int>())],
                BitsInFlight = [],
                QubitsInFlight = [],
                WaitingAtPair = [],
                Outcomes = new(StringComparer.Ordinal),
                Choices = [],
            };
            var pending = new Stack<State>();
            pending.Push(start);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int explored = 0;
            while (pending.Count > 0)
            {
                var state = pending.Pop();
                if (++explored > budget)
                    return new DeadlockFinding($"gave up after {budget} combinations of branch outcomes", [], Exhausted: true);
                Advance(state);
                int forking = -1;
                bool stuck = false;
                for (int n = 0; n < _nodes.Length; n++)
                {
                    if (Current(state, n) is not { } instruction) continue;
                    if (instruction is ConditionalInstruction && forking < 0) forking = n;
                    else if (instruction is not ConditionalInstruction) stuck = true;
                }
                if (forking < 0)
                {
                    if (!stuck) continue;
                    return Deadlock(state);
                }
                if (!seen.Add(Key(state))) continue;
                var conditional = (ConditionalInstruction)Current(state, forking)!;
                string outcome = OutcomeKey(state, forking, conditional.Condition);
                foreach (bool value in new[] { false, true })
                {
                    var next = state.Clone();
                    next.Outcomes[outcome] = value;
                    next.Choices.Add($"{IrPrinter.FormatCondition(conditional.Condition, BitName)} {(value ? "holds" : "fails")} at {_nodes[forking]}");
                    pending.Push(next);
                }
            }
            return null;
        }

        private string BitName(int bit) => bit >= 0 && bit < _program.Bits.Length ? _program.Bits[bit].Name : "#" + bit.ToString(CultureInfo.InvariantCulture);

        private DeadlockFinding Deadlock(State state)
        {
            var waiting = Enumerable.Range(0, _nodes.Length)
                .Where(n => Current(state, n) is not null)
                .Select(n => (_nodes[n], Current(state, n)!))
                .ToImmutableArray();
            string description = string.Join("; ", waiting.Select(w => $"{w.Item1} waits at {Describe(w.Item2)}"));
            if (state.Choices.Count > 0) description += " (when " + string.Join(", ", state.Choices) + ")";
            return new DeadlockFinding(description, waiting);
        }

        /// <summary>The instruction a node is at (popping finished branches), or null when it has finished.</summary>
        private static NodeInstruction? Current(State state, int node)
        {
            var stack = state.Stacks[node];
            while (stack.Count > 0 && stack[^1].Index >= stack[^1].Instructions.Length)
            {
                stack.RemoveAt(stack.Count - 1);
                if (stack.Count > 0) stack[^1].Index++;
            }
            return stack.Count == 0 ? null : stack[^1].Instructions[stack[^1].Index];
        }

        /// <summary>Runs every node as far as it can go with the outcomes decided so far.</summary>
        private void Advance(State state)
        {
            bool progress = true;
            while (progress)
            {
                progress = false;
                for (int n = 0; n < _nodes.Length; n++)
                {
                    while (Current(state, n) is { } instruction && Step(state, n, instruction)) progress = true;
                }
            }
        }

        /// <summary>Executes one instruction if it can; false when the node must wait (or a conditional is undecided).</summary>
        private bool Step(State state, int node, NodeInstruction instruction)
        {
            var copies = state.Copies[node];
            var top = state.Stacks[node][^1];
            switch (instruction)
            {
                case LocalInstruction { Operation: MeasureOperation { Bit: { } bit } }:
                    copies[bit] = ++_symbols;
                    break;
                case SendBitInstruction send:
                    state.BitsInFlight[send.MessageId] = copies.GetValueOrDefault(send.Bit);
                    break;
                case ReceiveBitInstruction receive:
                    if (!state.BitsInFlight.Remove(receive.MessageId, out int value)) return false;
                    copies[receive.Bit] = value;
                    break;
                case SendQubitInstruction send:
                    state.QubitsInFlight.Add(send.MessageId);
                    break;
                case ReceiveQubitInstruction receive:
                    if (!state.QubitsInFlight.Remove(receive.MessageId)) return false;
                    if (receive.ArrivalBit is { } flag) copies[flag] = ++_symbols;
                    break;
                case EntangleInstruction pair:
                    if (state.WaitingAtPair.TryGetValue(pair.PairId, out int other))
                    {
                        if (other == node) return false;
                        state.WaitingAtPair.Remove(pair.PairId);
                        state.Stacks[other][^1].Index++;
                        break;
                    }
                    state.WaitingAtPair[pair.PairId] = node;
                    return false;
                case ConditionalInstruction conditional when !Communicates(conditional):
                    // Nothing inside can block; a bit measured inside has a value unknown here.
                    foreach (var inner in NodeInstructions.Flatten(conditional.Then.AddRange(conditional.Else)))
                        if (inner is LocalInstruction { Operation: MeasureOperation { Bit: { } b } }) copies[b] = ++_symbols;
                    break;
                case ConditionalInstruction conditional:
                {
                    bool? taken = conditional.Condition is ConstantCondition constant
                        ? constant.Value
                        : state.Outcomes.TryGetValue(OutcomeKey(state, node, conditional.Condition), out bool decided) ? decided : null;
                    if (taken is not { } branch) return false;
                    // The branch runs on its own frame; when it ends, the node moves past the conditional.
                    state.Stacks[node].Add(new Frame(branch ? conditional.Then : conditional.Else));
                    return true;
                }
            }
            top.Index++;
            return true;
        }

        /// <summary>The condition over the values the node's copies hold: equal keys have equal outcomes.</summary>
        private static string OutcomeKey(State state, int node, Condition condition)
        {
            var copies = state.Copies[node];
            return IrPrinter.FormatCondition(condition, b => "v" + copies.GetValueOrDefault(b).ToString(CultureInfo.InvariantCulture));
        }

        private bool Communicates(ConditionalInstruction conditional)
        {
            // A distributed circuit has a small conditional per correction, visited once each:
            // those are scanned in place, and only large ones (loops, whole branches) are remembered.
            if (conditional.Then.Length + conditional.Else.Length <= SmallConditional) return AnyCommunication(conditional.Then) || AnyCommunication(conditional.Else);
            if (_communicates.TryGetValue(conditional, out bool known)) return known;
            bool result = AnyCommunication(conditional.Then) || AnyCommunication(conditional.Else);
            _communicates[conditional] = result;
            return result;
        }

        /// <summary>Instructions in a conditional up to which <see cref="Communicates"/> scans instead of looking the answer up.</summary>
        private const int SmallConditional = 8;

        private static bool AnyCommunication(ImmutableArray<NodeInstruction> instructions)
        {
            foreach (var instruction in instructions)
            {
                if (instruction is EntangleInstruction or SendBitInstruction or ReceiveBitInstruction or SendQubitInstruction or ReceiveQubitInstruction) return true;
                if (instruction is ConditionalInstruction inner && (AnyCommunication(inner.Then) || AnyCommunication(inner.Else))) return true;
            }
            return false;
        }

        /// <summary>
        /// A canonical description of the state: positions, what is in flight, which live copies
        /// share a value (symbols renumbered in order of appearance) and the outcomes some node
        /// may still look up. Two states with the same key have the same futures.
        /// </summary>
        private string Key(State state)
        {
            BuildIndexes();
            var rename = new Dictionary<int, int>();
            string Sym(int symbol) => symbol == 0 ? "0" : "v" + (rename.TryGetValue(symbol, out int r) ? r : rename[symbol] = rename.Count).ToString(CultureInfo.InvariantCulture);
            var key = new StringBuilder();
            var positions = new int[_nodes.Length];
            for (int n = 0; n < _nodes.Length; n++)
            {
                positions[n] = Current(state, n) is { } at ? _flatIndex![n][at] : int.MaxValue;
                key.Append(positions[n]).Append(':');
                foreach (var (bit, symbol) in state.Copies[n].OrderBy(c => c.Key))
                    if (_lastRead![n].TryGetValue(bit, out int last) && last >= positions[n]) key.Append(bit).Append('=').Append(Sym(symbol)).Append(',');
                key.Append('|');
            }
            foreach (var (message, symbol) in state.BitsInFlight.OrderBy(m => m.Key)) key.Append('b').Append(message).Append('=').Append(Sym(symbol)).Append(',');
            foreach (int message in state.QubitsInFlight.Order()) key.Append('q').Append(message).Append(',');
            foreach (var (pair, node) in state.WaitingAtPair.OrderBy(p => p.Key)) key.Append('p').Append(pair).Append('@').Append(node).Append(',');
            // An outcome matters only while some node may still test that condition, over values still held.
            foreach (var (outcome, value) in state.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                string shape = Shape(outcome);
                bool tested = Enumerable.Range(0, _nodes.Length).Any(n => _lastTest![n].TryGetValue(shape, out int last) && last >= positions[n]);
                if (!tested) continue;
                var symbols = SymbolsOf(outcome);
                if (!symbols.All(rename.ContainsKey)) continue;
                key.Append('o').Append(RenameSymbols(outcome, rename)).Append('=').Append(value ? '1' : '0').Append(',');
            }
            return key.ToString();
        }

        private void BuildIndexes()
        {
            if (_flatIndex is not null) return;
            _flatIndex = new Dictionary<NodeInstruction, int>[_nodes.Length];
            _lastRead = new Dictionary<int, int>[_nodes.Length];
            _lastTest = new Dictionary<string, int>[_nodes.Length];
            for (int n = 0; n < _nodes.Length; n++)
            {
                var index = _flatIndex[n] = new Dictionary<NodeInstruction, int>(ReferenceEqualityComparer.Instance);
                var read = _lastRead[n] = [];
                var test = _lastTest[n] = new(StringComparer.Ordinal);
                int i = 0;
                foreach (var instruction in NodeInstructions.Flatten(_program.Nodes[n].Instructions))
                {
                    index[instruction] = i;
                    switch (instruction)
                    {
                        case SendBitInstruction send: read[send.Bit] = i; break;
                        case ConditionalInstruction conditional:
                            foreach (int b in Conditions.BitsOf(conditional.Condition)) read[b] = i;
                            test[IrPrinter.FormatCondition(conditional.Condition, _ => "v")] = i;
                            break;
                    }
                    i++;
                }
            }
        }

        /// <summary>An outcome key with its values blanked: the condition's shape, as <see cref="BuildIndexes"/> records it.</summary>
        private static string Shape(string outcome) => System.Text.RegularExpressions.Regex.Replace(outcome, "v[0-9]+", "v");

        private static IEnumerable<int> SymbolsOf(string outcome) =>
            System.Text.RegularExpressions.Regex.Matches(outcome, "v([0-9]+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Where(s => s != 0);

        private static string RenameSymbols(string outcome, Dictionary<int, int> rename) =>
            System.Text.RegularExpressions.Regex.Replace(outcome, "v([0-9]+)", m =>
            {
                int s = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                return s == 0 ? "0" : "v" + rename[s].ToString(CultureInfo.InvariantCulture);
            });
    }

    private static string Describe(NodeInstruction instruction) => instruction switch
    {
        EntangleInstruction e => $"Bell pair {e.PairId} with {e.Peer}",
        ReceiveBitInstruction r => $"bit message {r.MessageId} from {r.From}",
        ReceiveQubitInstruction r => $"qubit message {r.MessageId} from {r.From}",
        _ => instruction.GetType().Name,
    };
}
