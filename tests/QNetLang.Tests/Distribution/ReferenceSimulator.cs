using System.Numerics;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// A deliberately plain state-vector simulator for tests: every gate through its full matrix
/// from the gate catalog, measurements sampled from a seeded RNG, Bell pairs prepared exactly.
/// Independent of the compiler's passes, so it can judge them. Qubit 0 is the least significant
/// bit of the amplitude index.
/// </summary>
public sealed class ReferenceSimulator
{
    private readonly Random _random;

    public ReferenceSimulator(int qubits, int bits, int seed)
    {
        if (qubits > 22) throw new ArgumentOutOfRangeException(nameof(qubits), "too many qubits for the test simulator");
        State = new Complex[1 << qubits];
        State[0] = 1;
        Bits = new bool[bits];
        QubitCount = qubits;
        _random = new Random(seed);
    }

    public Complex[] State { get; }

    public bool[] Bits { get; }

    public int QubitCount { get; }

    public void Run(IEnumerable<Operation> operations)
    {
        foreach (var op in operations)
        {
            switch (op)
            {
                case GateOperation g: Apply(g.Gate.Unitary(g.Parameters), g.Qubits.ToArray()); break;
                case MeasureOperation m:
                    bool result = Measure(m.Qubit);
                    if (m.Bit is { } bit) Bits[bit] = result;
                    break;
                case ResetOperation r: Reset(r.Qubit); break;
                case BarrierOperation: break;
                case EprOperation e:
                    Reset(e.First);
                    Reset(e.Second);
                    Apply(GateCatalog.Get("h").Unitary([]), [e.First]);
                    Apply(GateCatalog.Get("cx").Unitary([]), [e.First, e.Second]);
                    break;
                case IfOperation i: Run(Evaluate(i.Condition) ? i.Then : i.Else); break;
                default: throw new NotSupportedException($"the reference simulator does not run {op.GetType().Name}");
            }
        }
    }

    public bool Evaluate(Condition condition) => condition switch
    {
        BitCondition b => Bits[b.Bit] == b.Value,
        NotCondition n => !Evaluate(n.Operand),
        AndCondition a => a.Operands.All(Evaluate),
        OrCondition o => o.Operands.Any(Evaluate),
        ConstantCondition c => c.Value,
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    /// <summary>Applies a k-qubit matrix whose operand 0 is the most significant bit of its index.</summary>
    public void Apply(Complex[,] matrix, int[] qubits)
    {
        int k = qubits.Length, dim = 1 << k;
        var input = new Complex[dim];
        int mask = 0;
        foreach (int q in qubits) mask |= 1 << q;
        for (int basis = 0; basis < State.Length; basis++)
        {
            if ((basis & mask) != 0) continue;
            for (int local = 0; local < dim; local++) input[local] = State[Compose(basis, qubits, local)];
            for (int row = 0; row < dim; row++)
            {
                Complex sum = 0;
                for (int col = 0; col < dim; col++) sum += matrix[row, col] * input[col];
                State[Compose(basis, qubits, row)] = sum;
            }
        }
    }

    private static int Compose(int basis, int[] qubits, int local)
    {
        int index = basis;
        for (int j = 0; j < qubits.Length; j++)
            if ((local >> (qubits.Length - 1 - j) & 1) == 1) index |= 1 << qubits[j];
        return index;
    }

    public double ProbabilityOfOne(int qubit)
    {
        double p = 0;
        for (int i = 0; i < State.Length; i++)
            if ((i >> qubit & 1) == 1) p += State[i].Magnitude * State[i].Magnitude;
        return p;
    }

    public bool Measure(int qubit)
    {
        double p1 = ProbabilityOfOne(qubit);
        bool one = _random.NextDouble() < p1;
        Collapse(qubit, one, one ? p1 : 1 - p1);
        return one;
    }

    private void Collapse(int qubit, bool one, double probability)
    {
        double scale = 1 / Math.Sqrt(Math.Max(probability, 1e-300));
        for (int i = 0; i < State.Length; i++)
            State[i] = ((i >> qubit & 1) == 1) == one ? State[i] * scale : 0;
    }

    public void Reset(int qubit)
    {
        if (Measure(qubit)) Apply(GateCatalog.Get("x").Unitary([]), [qubit]);
    }

    /// <summary>
    /// The amplitudes of the logical qubits, logical qubit k being held by physical qubit
    /// <paramref name="physicalOf"/>[k]; checks that every other qubit is |0⟩.
    /// </summary>
    public Complex[] DataState(IReadOnlyList<int> physicalOf)
    {
        int mask = physicalOf.Aggregate(0, (m, p) => m | 1 << p);
        var data = new Complex[1 << physicalOf.Count];
        for (int i = 0; i < State.Length; i++)
        {
            if ((i & ~mask) != 0)
            {
                if (State[i].Magnitude > 1e-9) throw new InvalidOperationException("an ancilla qubit was left in a non-zero state");
                continue;
            }
            int logical = 0;
            for (int k = 0; k < physicalOf.Count; k++)
                if ((i >> physicalOf[k] & 1) == 1) logical |= 1 << k;
            data[logical] = State[i];
        }
        return data;
    }

    /// <summary>|⟨a|b⟩| for normalised states: 1 when they are equal up to a global phase.</summary>
    public static double Overlap(Complex[] a, Complex[] b)
    {
        Complex sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Complex.Conjugate(a[i]) * b[i];
        return sum.Magnitude;
    }
}
