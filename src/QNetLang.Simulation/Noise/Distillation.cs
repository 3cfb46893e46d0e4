namespace QNetLang.Simulation.Noise;

/// <summary>Entanglement distillation protocols.</summary>
public enum DistillationProtocol
{
    None,
    /// <summary>Bennett et al. 1996: twirl both pairs to Werner form, bilateral CNOT, keep on coincidence.</summary>
    Bbpssw,
    /// <summary>Deutsch et al. 1996: local π/2 rotations instead of twirling; works on Bell-diagonal states.</summary>
    Dejmps,
}

/// <summary>
/// One round of recurrence distillation on two Bell-diagonal pairs: the state kept on success
/// and the probability of success (both sides' parity measurements agree).
/// </summary>
public static class Distillation
{
    public static (BellDiagonal State, double Success) Round(DistillationProtocol protocol, BellDiagonal first, BellDiagonal second) => protocol switch
    {
        DistillationProtocol.Bbpssw => Bbpssw(first.Fidelity, second.Fidelity),
        DistillationProtocol.Dejmps => Dejmps(first, second),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

    /// <summary>
    /// F' = (F1F2 + (1−F1)(1−F2)/9) / N, N = F1F2 + (F1(1−F2) + F2(1−F1))/3 + 5(1−F1)(1−F2)/9;
    /// the kept pair is twirled back to a Werner state.
    /// </summary>
    public static (BellDiagonal State, double Success) Bbpssw(double f1, double f2)
    {
        double e1 = 1 - f1, e2 = 1 - f2;
        double n = f1 * f2 + (f1 * e2 + f2 * e1) / 3 + 5 * e1 * e2 / 9;
        double f = (f1 * f2 + e1 * e2 / 9) / n;
        return (BellDiagonal.Werner(f), n);
    }

    /// <summary>
    /// With coefficients A = Φ+, B = Ψ−, C = Ψ+, D = Φ− (our I, Y, X, Z) and N = (A1+B1)(A2+B2) +
    /// (C1+D1)(C2+D2): A' = (A1A2 + B1B2)/N, B' = (C1D2 + D1C2)/N, C' = (C1C2 + D1D2)/N,
    /// D' = (A1B2 + B1A2)/N (Deutsch et al., PRL 77, 2818).
    /// </summary>
    public static (BellDiagonal State, double Success) Dejmps(BellDiagonal p, BellDiagonal q)
    {
        double a1 = p.I, b1 = p.Y, c1 = p.X, d1 = p.Z;
        double a2 = q.I, b2 = q.Y, c2 = q.X, d2 = q.Z;
        double n = (a1 + b1) * (a2 + b2) + (c1 + d1) * (c2 + d2);
        double a = (a1 * a2 + b1 * b2) / n;
        double b = (c1 * d2 + d1 * c2) / n;
        double c = (c1 * c2 + d1 * d2) / n;
        double d = (a1 * b2 + b1 * a2) / n;
        return (new BellDiagonal(a, c, b, d), n);
    }
}
