using System.Numerics;

namespace QNetLang.Simulation.Engines;

internal enum BranchOpKind : byte
{
    Allocate,
    Gate,
    Pauli,
    /// <summary>Projection of a qubit onto a chosen basis state (a measurement whose outcome is known).</summary>
    Collapse,
    Release,
}

/// <summary>
/// One deterministic operation on a state: what a path of the <see cref="BranchCache"/> is made
/// of. Gates are told apart by their matrix object (each gate operation of a plan has one, shared
/// by all shots), so equal keys mean the same operation.
/// </summary>
internal readonly struct BranchOp : IEquatable<BranchOp>
{
    public BranchOp(BranchOpKind kind, int a = 0, int b = 0, int c = 0, int arity = 0, Ir.GateInfo? gate = null, Complex[,]? matrix = null)
    {
        Kind = kind;
        A = a;
        B = b;
        C = c;
        Arity = arity;
        Gate = gate;
        Matrix = matrix;
    }

    public BranchOpKind Kind { get; }
    /// <summary>Slots (gate operands in order); for Pauli and Collapse, B is the Pauli or the value.</summary>
    public int A { get; }
    public int B { get; }
    public int C { get; }
    public int Arity { get; }
    public Ir.GateInfo? Gate { get; }
    public Complex[,]? Matrix { get; }

    public bool Equals(BranchOp other) =>
        Kind == other.Kind && A == other.A && B == other.B && C == other.C && Arity == other.Arity && ReferenceEquals(Matrix, other.Matrix);

    public override bool Equals(object? obj) => obj is BranchOp other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Kind, A, B, C, Arity, Matrix is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Matrix));

    /// <summary>Applies the operation to a materialised state.</summary>
    public void ApplyTo(StateVectorEngine state)
    {
        switch (Kind)
        {
            case BranchOpKind.Allocate:
                if (state.Allocate() != A) throw new InvalidOperationException("a cached state allocated a different handle");
                break;
            case BranchOpKind.Gate:
                ReadOnlySpan<int> slots = Arity switch { 1 => [A], 2 => [A, B], _ => [A, B, C] };
                state.ApplyGate(Gate!, Matrix!, slots);
                break;
            case BranchOpKind.Pauli:
                state.ApplyPauli(A, B);
                break;
            case BranchOpKind.Collapse:
                state.Collapse(A, B);
                break;
            case BranchOpKind.Release:
                state.Release(A, B);
                break;
        }
    }
}
