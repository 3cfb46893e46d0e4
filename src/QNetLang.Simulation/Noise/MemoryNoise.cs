namespace QNetLang.Simulation.Noise;

/// <summary>
/// How a qubit decays while it waits, from T1 and T2 (docs/simulator.md, "Memory").
/// T1: the excited population decays as e^(−t/T1) (amplitude damping, γ = 1 − e^(−t/T1)).
/// T2: the coherence |ρ01| decays as e^(−t/T2) in total, amplitude damping's own share
/// e^(−t/2T1) included; the rest is pure dephasing. T2 above 2·T1 is unphysical and is taken
/// as 2·T1. Only T2 given: pure dephasing. Only T1: pure amplitude damping (T2 = 2·T1).
/// </summary>
public readonly record struct MemoryDecay(double Gamma, double Coherence)
{
    public static MemoryDecay For(double? t1, double? t2, double seconds)
    {
        if (seconds <= 0 || (t1 is null && t2 is null)) return new(0, 1);
        double gamma = t1 is { } a ? -double.ExpM1(-seconds / a) : 0;
        double adCoherence = t1 is { } b ? Math.Exp(-seconds / (2 * b)) : 1;
        double coherence = t2 is { } c ? Math.Exp(-seconds / c) : adCoherence;
        if (coherence > adCoherence) coherence = adCoherence;
        return new(gamma, coherence);
    }

    public bool IsIdentity => Gamma == 0 && Coherence == 1;

    /// <summary>The dephasing flip probability that, after amplitude damping γ, leaves the total coherence.</summary>
    public double ExactDephasingFlip
    {
        get
        {
            double ad = Math.Sqrt(1 - Gamma);
            if (ad <= 0) return 0;
            return Math.Clamp((1 - Coherence / ad) / 2, 0, 0.5);
        }
    }

    /// <summary>The Pauli twirl of the channel: p_X = p_Y = γ/4, p_Z = (1 − coherence)/2 − γ/4.</summary>
    public (double X, double Y, double Z) Twirled => (Gamma / 4, Gamma / 4, Math.Max(0, (1 - Coherence) / 2 - Gamma / 4));
}
