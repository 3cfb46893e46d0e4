using System.Numerics;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// A 2×2 complex matrix: the product of the single-qubit gates a qubit went through since its
/// run was last known to be diagonal. A run survives such gates when their product is diagonal
/// in the run's basis (H·H, X·RZ·X…), and a copy closed early needs the correction conjugated
/// by that product.
/// </summary>
public readonly record struct Matrix2(Complex M00, Complex M01, Complex M10, Complex M11)
{
    /// <summary>Below this magnitude an entry counts as zero: the tolerance <c>GateInfo.DiagonalOn</c> uses.</summary>
    private const double Epsilon = 1e-12;

    public static Matrix2 Identity { get; } = new(1, 0, 0, 1);

    public static Matrix2 PauliX { get; } = new(0, 1, 1, 0);

    public static Matrix2 PauliZ { get; } = new(1, 0, 0, -1);

    public static Matrix2 From(Complex[,] u) => new(u[0, 0], u[0, 1], u[1, 0], u[1, 1]);

    public static Matrix2 operator *(Matrix2 a, Matrix2 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10,
        a.M00 * b.M01 + a.M01 * b.M11,
        a.M10 * b.M00 + a.M11 * b.M10,
        a.M10 * b.M01 + a.M11 * b.M11);

    public Matrix2 Adjoint() => new(Complex.Conjugate(M00), Complex.Conjugate(M10), Complex.Conjugate(M01), Complex.Conjugate(M11));

    /// <summary>True when the matrix commutes with Z (basis Z) or with X (basis X).</summary>
    public bool IsDiagonalIn(RunBasis basis) => basis == RunBasis.Z
        ? M01.Magnitude < Epsilon && M10.Magnitude < Epsilon
        : (M00 - M11).Magnitude < Epsilon && (M01 - M10).Magnitude < Epsilon;

    /// <summary>
    /// True when this frame F carries Z to ±X (F†·Z·F = ±X), as H does: a gate diagonal on the
    /// qubit after F is then, seen from before F, a controlled X on it, which a Z-basis copy made
    /// before F can follow by mirroring it (see <see cref="SandwichEmbedding"/>).
    /// </summary>
    public bool TurnsZIntoX()
    {
        var m = Adjoint() * PauliZ * this;
        return m.M00.Magnitude < Epsilon && m.M11.Magnitude < Epsilon
            && (m.M01 - m.M10).Magnitude < Epsilon && Math.Abs(m.M01.Imaginary) < Epsilon && Math.Abs(Math.Abs(m.M01.Real) - 1) < 1e-9;
    }

    /// <summary>True when the matrix anticommutes with Z (basis Z: it is anti-diagonal) or with X (basis X).</summary>
    public bool AnticommutesIn(RunBasis basis) => basis == RunBasis.Z
        ? M00.Magnitude < Epsilon && M11.Magnitude < Epsilon
        : (M00 + M11).Magnitude < Epsilon && (M01 + M10).Magnitude < Epsilon;

    /// <summary>The Pauli whose eigenbasis is <paramref name="basis"/>: the correction a copy in that basis needs.</summary>
    public static Matrix2 PauliOf(RunBasis basis) => basis == RunBasis.Z ? PauliZ : PauliX;

    /// <summary>
    /// Parameters (θ, φ, λ) of OpenQASM 3's <c>u</c> gate equal to this unitary up to a global
    /// phase, which is all a classically controlled correction needs.
    /// </summary>
    public (double Theta, double Phi, double Lambda) ToU()
    {
        // u(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]].
        double theta = 2 * Math.Atan2(M10.Magnitude, M00.Magnitude);
        if (M00.Magnitude > Epsilon)
        {
            double alpha = M00.Phase;
            if (M10.Magnitude <= Epsilon) return (theta, 0, M11.Phase - alpha);
            return (theta, M10.Phase - alpha, (-M01).Phase - alpha);
        }
        // θ = π: only the off-diagonal entries carry phases; put the global phase on m10 (φ = 0).
        return (theta, 0, (-M01).Phase - M10.Phase);
    }
}
