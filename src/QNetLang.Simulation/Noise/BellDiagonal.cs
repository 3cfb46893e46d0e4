namespace QNetLang.Simulation.Noise;

/// <summary>
/// A two-qubit state diagonal in the Bell basis, written as |Φ+> followed by a Pauli error on
/// the second qubit: I (fidelity), X (Ψ+), Y (Ψ−), Z (Φ−). Werner states, swapping, Pauli
/// memory noise and Bell-measurement errors all keep a pair in this form, so the network tracks
/// each pair as four numbers and hands it to the state engine only when it is delivered.
/// </summary>
public readonly record struct BellDiagonal(double I, double X, double Y, double Z)
{
    public static BellDiagonal Perfect => new(1, 0, 0, 0);

    /// <summary>The Werner state of fidelity F: w|Φ+><Φ+| + (1−w)·I/4, with F = (1+3w)/4.</summary>
    public static BellDiagonal Werner(double fidelity)
    {
        double other = (1 - fidelity) / 3;
        return new(fidelity, other, other, other);
    }

    public double Fidelity => I;

    /// <summary>Werner parameter w = (4F − 1)/3.</summary>
    public double WernerParameter => (4 * I - 1) / 3;

    private double this[int pauli] => pauli switch { 0 => I, 1 => X, 2 => Y, _ => Z };

    /// <summary>
    /// Pauli errors compose by xor of their (x, z) bits, so the distribution of the product of
    /// two independent errors is this convolution. Swapping two pairs, and adding Pauli noise
    /// to either half of a pair, are both this operation.
    /// </summary>
    public BellDiagonal Compose(BellDiagonal other)
    {
        Span<double> result = stackalloc double[4];
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
            {
                var (ax, az) = Bits(a);
                var (bx, bz) = Bits(b);
                result[FromBits(ax ^ bx, az ^ bz)] += this[a] * other[b];
            }
        return new(result[0], result[1], result[2], result[3]);
    }

    /// <summary>Noise on one half of the pair as a Pauli channel (either half: P⊗I|Φ+> = ±I⊗Pᵀ|Φ+>).</summary>
    public BellDiagonal WithPauliNoise(double px, double py, double pz) => Compose(new(1 - px - py - pz, px, py, pz));

    /// <summary>Uniform twirl onto the Werner state of the same fidelity (what BBPSSW does first).</summary>
    public BellDiagonal Twirl() => Werner(I);

    public int Sample(ShotRandom random)
    {
        double u = random.NextDouble();
        if (u < I) return 0;
        if (u < I + X) return 1;
        if (u < I + X + Y) return 2;
        return 3;
    }

    private static (int X, int Z) Bits(int pauli) => pauli switch { 1 => (1, 0), 2 => (1, 1), 3 => (0, 1), _ => (0, 0) };

    private static int FromBits(int x, int z) => (x, z) switch { (1, 0) => 1, (1, 1) => 2, (0, 1) => 3, _ => 0 };
}
