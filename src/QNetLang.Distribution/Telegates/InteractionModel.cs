using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// The part of a circuit that decides its ebit cost, reduced to arrays: every two-qubit gate
/// (after the decompositions a remote gate would need), with, for each operand, the "run" it
/// belongs to and whether its node is fixed or left to the partitioner.
/// <para>
/// A run is a maximal stretch of a qubit's life in which every two-qubit gate acts diagonally on
/// it in one basis: Z (as a control: the control of CX, either side of CZ/CP/RZZ) or X (as a
/// target: the target of CX, either side of RXX). A cat-entangled copy of the qubit on another
/// node, made in that basis, stays valid for a whole run, so all gates of one run that need the
/// same other node share one ebit: that is packing. Single-qubit gates in between do not end the
/// run as long as their product up to the next two-qubit gate is diagonal in the run's basis
/// (H·H, X·RZ·X, RX between CX targets), so runs merge across gates that cancel. A gate diagonal
/// in neither basis, a measurement, a reset, a move or a conditional ends the run.
/// </para>
/// </summary>
public sealed class InteractionModel
{
    /// <summary>One two-qubit gate: qubits, their runs (−1 when the gate is not diagonal on that qubit) and fixed nodes (−1 when the partitioner decides).</summary>
    public readonly record struct Interaction(int QubitA, int QubitB, int RunA, int RunB, int FixedNodeA, int FixedNodeB);

    /// <summary>
    /// Two Z-basis runs of one qubit separated by an H·(diagonal)·H sandwich that a copy can be
    /// kept alive through (<see cref="SandwichEmbedding"/>): <paramref name="Middle"/> lists the
    /// sandwich's two-qubit gates (interaction indices) and <paramref name="MiddleOperand"/> the
    /// qubit's operand in each (0 or 1).
    /// </summary>
    public sealed record Embedding(int Before, int After, int[] Middle, int[] MiddleOperand);

    private InteractionModel(int qubitCount, Interaction[] interactions, int[] runQubit, RunBasis[] runBasis, int fixedCost, Embedding[] embeddings)
    {
        Embeddings = embeddings;
        EmbeddedGateCount = embeddings.Sum(e => e.Middle.Length);
        QubitCount = qubitCount;
        Interactions = interactions;
        InteractionArray = interactions;
        RunQubit = runQubit;
        RunBasis = runBasis;
        FixedCost = fixedCost;
    }

    public int QubitCount { get; }

    public IReadOnlyList<Interaction> Interactions { get; }

    /// <summary>The same interactions as an array, for the cover's inner loops (thousands of solves per partition; no interface calls).</summary>
    internal Interaction[] InteractionArray { get; }

    /// <summary>The qubit of each run.</summary>
    public IReadOnlyList<int> RunQubit { get; }

    /// <summary>The basis of each run (and of its copies).</summary>
    public IReadOnlyList<RunBasis> RunBasis { get; }

    public int RunCount => RunQubit.Count;

    /// <summary>Ebits the program spends whatever the placement (explicit epr and teleport).</summary>
    public int FixedCost { get; }

    /// <summary>Places where a copy of one run may live on into a later run of its qubit (in program order of the later run).</summary>
    public IReadOnlyList<Embedding> Embeddings { get; }

    /// <summary>The two-qubit gates of all sandwiches together (each may need a partner's copy).</summary>
    public int EmbeddedGateCount { get; }

    /// <summary>
    /// Builds the model. <paramref name="variable"/> marks the qubits the partitioner places
    /// (unpinned data qubits); the others have a known node at every point of the program.
    /// </summary>
    /// <param name="decompose">
    /// Which multi-qubit gates to see in decomposed form: all that might be remote while the
    /// placement is open (partitioning), none once remote ones were decomposed (distribution).
    /// </param>
    public static InteractionModel Build(Circuit circuit, NetworkDistances distances, Func<int, bool> variable, Func<GateOperation, bool> decompose)
    {
        var builder = new Builder(circuit, distances, variable, decompose);
        builder.Walk(circuit.Operations, conditional: false);
        return new InteractionModel(circuit.Qubits.Length, builder.Interactions.ToArray(), builder.RunQubit.ToArray(), builder.RunBases.ToArray(), builder.FixedCost, builder.Embeddings.ToArray());
    }

    private sealed class Builder
    {
        private readonly NetworkDistances _distances;
        private readonly Func<int, bool> _variable;
        private readonly Func<GateOperation, bool> _decompose;
        private readonly LocationTracker _location;
        private readonly int[] _currentRun;

        // Product of the single-qubit gates on each qubit since its run's last two-qubit gate.
        private readonly Matrix2[] _pending;

        // Per qubit, the H·(diagonal)·H sandwich it may be in since its last Z-basis run ended (null: none).
        private readonly SandwichTracker?[] _sandwich;

        public Builder(Circuit circuit, NetworkDistances distances, Func<int, bool> variable, Func<GateOperation, bool> decompose)
        {
            _distances = distances;
            _variable = variable;
            _decompose = decompose;
            _location = new LocationTracker(circuit);
            _currentRun = Enumerable.Repeat(-1, circuit.Qubits.Length).ToArray();
            _pending = new Matrix2[circuit.Qubits.Length];
            _sandwich = new SandwichTracker?[circuit.Qubits.Length];
        }

        public List<Embedding> Embeddings { get; } = new();

        public List<Interaction> Interactions { get; } = new();

        public List<int> RunQubit { get; } = new();

        public List<RunBasis> RunBases { get; } = new();

        public int FixedCost { get; private set; }

        public void Walk(IEnumerable<Operation> operations, bool conditional)
        {
            foreach (var op in operations)
            {
                switch (op)
                {
                    case GateOperation g when g.Qubits.Length >= 2 && GateDecomposition.NeedsDecomposition(g.Gate) && _decompose(g):
                        Walk(GateDecomposition.Decompose(g), conditional);
                        break;
                    case GateOperation g when g.Qubits.Length == 2 && !GateDecomposition.NeedsDecomposition(g.Gate):
                        AddInteraction(g, conditional);
                        break;
                    case GateOperation g when g.Qubits.Length == 1:
                        // Judged at the run's next two-qubit gate, by the product of all of them.
                        int single = g.Qubits[0];
                        if (_currentRun[single] >= 0) _pending[single] = GateBasis.SingleQubit(g) * _pending[single];
                        if (_sandwich[single] is { } open)
                        {
                            // A matrix known only at run time cannot be checked against the sandwich's form.
                            if (g.HasRuntimeParameters) _sandwich[single] = null;
                            else open.Frame = GateBasis.SingleQubit(g) * open.Frame;
                        }
                        break;
                    case GateOperation g:
                        // Local multi-qubit gates: a run survives where the gate is diagonal in its basis.
                        for (int k = 0; k < g.Qubits.Length; k++)
                        {
                            if (!Continues(g.Qubits[k], g.Gate, k)) _currentRun[g.Qubits[k]] = -1;
                            _sandwich[g.Qubits[k]] = null;
                        }
                        break;
                    case IfOperation branch:
                        // Inside a conditional every remote gate is paid for on its own: its ebit
                        // must not be spent when the branch does not run.
                        foreach (int q in QubitsOf(branch)) EndRun(q);
                        Walk(branch.Then, conditional: true);
                        Walk(branch.Else, conditional: true);
                        foreach (int q in QubitsOf(branch)) EndRun(q);
                        break;
                    case EprOperation e:
                        FixedCost += Distance(e.First, e.Second);
                        EndRun(e.First);
                        EndRun(e.Second);
                        break;
                    case TeleportOperation t:
                        if (_location.NodeOf(t.Qubit) is { } from) FixedCost += _distances.Hops(_distances.IndexOf(from), _distances.IndexOf(t.Destination));
                        EndRun(t.Qubit);
                        _location.Apply(t);
                        break;
                    case SendOperation s:
                        EndRun(s.Qubit);
                        _location.Apply(s);
                        break;
                    case MeasureOperation m:
                        EndRun(m.Qubit);
                        break;
                    case ResetOperation r:
                        EndRun(r.Qubit);
                        break;
                }
            }
        }

        /// <summary>Ends the qubit's run and any sandwich it is in: what follows shares no copy with what came before.</summary>
        private void EndRun(int qubit)
        {
            _currentRun[qubit] = -1;
            _sandwich[qubit] = null;
        }

        private void AddInteraction(GateOperation g, bool conditional)
        {
            int a = g.Qubits[0], b = g.Qubits[1];
            int index = Interactions.Count;
            var (previousA, pendingA) = (_currentRun[a], _pending[a]);
            var (previousB, pendingB) = (_currentRun[b], _pending[b]);
            int runA = RunFor(a, g.Gate, 0, conditional);
            int runB = RunFor(b, g.Gate, 1, conditional);
            Interactions.Add(new Interaction(a, b, runA, runB, FixedNode(a), FixedNode(b)));
            if (conditional)
            {
                _sandwich[a] = _sandwich[b] = null;
                return;
            }
            TrackSandwich(g, index, 0, a, previousA, pendingA, runA, runB);
            TrackSandwich(g, index, 1, b, previousB, pendingB, runB, runA);
        }

        /// <summary>
        /// Follows a qubit through an H·(diagonal)·H sandwich between two of its Z-basis runs:
        /// opened where a Z run ends at a gate, extended by each two-qubit gate that is, in the
        /// ended run's frame, the partner-controlled X a copy can mirror, and recorded as an
        /// <see cref="Embedding"/> where the frame is diagonal again and a new Z run starts.
        /// </summary>
        private void TrackSandwich(GateOperation g, int index, int operand, int qubit, int previousRun, Matrix2 previousPending, int run, int partnerRun)
        {
            var sandwich = _sandwich[qubit];
            if (sandwich is null)
            {
                // A sandwich opens where a Z run ends because of the single-qubit gates before this gate.
                if (previousRun < 0 || run == previousRun || RunBases[previousRun] != Telegates.RunBasis.Z || previousPending.IsDiagonalIn(Telegates.RunBasis.Z)) return;
                _sandwich[qubit] = sandwich = new SandwichTracker(previousRun, previousPending);
            }
            if (sandwich.Frame.IsDiagonalIn(Telegates.RunBasis.Z))
            {
                // Back in the ended run's frame: a new Z run that the copy can go on serving.
                _sandwich[qubit] = null;
                if (run >= 0 && run != previousRun && RunBases[run] == Telegates.RunBasis.Z && sandwich.Middle.Count > 0)
                    Embeddings.Add(new Embedding(sandwich.Before, run, [.. sandwich.Middle], [.. sandwich.MiddleOperand]));
                return;
            }
            if (run < 0 || partnerRun < 0 || !sandwich.Frame.TurnsZIntoX() || !SandwichEmbedding.Mirrorable(g, operand, RunBases[partnerRun]))
            {
                _sandwich[qubit] = null;
                return;
            }
            sandwich.Middle.Add(index);
            sandwich.MiddleOperand.Add(operand);
        }

        /// <summary>The run the gate joins on this qubit, or −1 (and the run ends) when it is diagonal there in no basis.</summary>
        private int RunFor(int qubit, GateInfo gate, int operand, bool conditional)
        {
            if (Continues(qubit, gate, operand)) return _currentRun[qubit];
            if (GateBasis.BasisOf(gate, operand) is not { } basis)
            {
                _currentRun[qubit] = -1;
                return -1;
            }
            RunQubit.Add(qubit);
            RunBases.Add(basis);
            int run = RunQubit.Count - 1;
            // Inside a conditional the run is a fresh single gate, so no ebit is shared across the branch boundary.
            _currentRun[qubit] = conditional ? -1 : run;
            _pending[qubit] = Matrix2.Identity;
            return run;
        }

        /// <summary>
        /// True when the qubit's run goes on through this gate: the gate is diagonal on it in the
        /// run's basis and so is everything since the run's last gate. The product starts over.
        /// </summary>
        private bool Continues(int qubit, GateInfo gate, int operand)
        {
            int run = _currentRun[qubit];
            if (run < 0) return false;
            var basis = RunBases[run];
            if (!GateBasis.IsDiagonalIn(gate, operand, basis) || !_pending[qubit].IsDiagonalIn(basis)) return false;
            _pending[qubit] = Matrix2.Identity;
            return true;
        }

        private int FixedNode(int qubit) =>
            _variable(qubit) ? -1 : _distances.IndexOf(_location.NodeOf(qubit) ?? throw new InvalidOperationException($"qubit {qubit} has no node"));

        private int Distance(int a, int b)
        {
            string? na = _location.NodeOf(a), nb = _location.NodeOf(b);
            return na is null || nb is null ? 0 : _distances.Hops(_distances.IndexOf(na), _distances.IndexOf(nb));
        }

        private static IEnumerable<int> QubitsOf(IfOperation branch)
        {
            var qubits = new SortedSet<int>();
            foreach (var op in branch.Then.Concat(branch.Else)) Collect(op, qubits);
            return qubits;
        }

        private static void Collect(Operation op, SortedSet<int> qubits)
        {
            switch (op)
            {
                case GateOperation g: foreach (int q in g.Qubits) qubits.Add(q); break;
                case MeasureOperation m: qubits.Add(m.Qubit); break;
                case ResetOperation r: qubits.Add(r.Qubit); break;
                case BarrierOperation: break;
                case EprOperation e: qubits.Add(e.First); qubits.Add(e.Second); break;
                case TeleportOperation t: qubits.Add(t.Qubit); break;
                case SendOperation s: qubits.Add(s.Qubit); break;
                case IfOperation i: foreach (var inner in i.Then.Concat(i.Else)) Collect(inner, qubits); break;
            }
        }
    }

    /// <summary>A sandwich being followed: the run before it, the single-qubit gates since (the frame) and its two-qubit gates so far.</summary>
    private sealed class SandwichTracker(int before, Matrix2 frame)
    {
        public int Before { get; } = before;

        public Matrix2 Frame { get; set; } = frame;

        public List<int> Middle { get; } = new();

        public List<int> MiddleOperand { get; } = new();
    }
}
