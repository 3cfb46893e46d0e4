namespace QNetLang.Ir;

/// <summary>
/// Exact per-pulse statistics of prepare-and-measure photons sent over one link (`send`), for
/// a single-photon source and for weak coherent pulses (docs/simulator.md, "Photon sources").
/// A pulse of n photons over a channel of overall transmissivity η (channel × link detector ×
/// receiving end node's detector) is detected with probability 1 − (1 − η)^n; when none of its
/// photons is, the detector still clicks on a dark count with probability Y₀ (`dark_count`).
/// A detected photon gives the wrong bit with the misalignment probability e_d, a dark count
/// the wrong bit half the time. So the n-photon yield and error rate are
/// <c>Y_n = 1 − (1 − Y₀)(1 − η)^n</c>, <c>e_n·Y_n = e_d·(1 − (1 − η)^n) + Y₀(1 − η)^n/2</c>, and
/// a coherent pulse of intensity μ (Poissonian photon number) has the gain and error rate
/// <c>Q_μ = 1 − (1 − Y₀)e^(−ημ)</c>, <c>E_μ·Q_μ = e_d·(1 − e^(−ημ)) + Y₀·e^(−ημ)/2</c>.
/// These are the simulator's `send` model itself (the simulator draws a click with these
/// probabilities), not the approximations Y_n ≈ Y₀ + η_n of Lo, Ma and Chen (PRL 94, 230504,
/// 2005), from which they differ by terms of order Y₀·η.
/// </summary>
public sealed record PulseStatistics(double Transmissivity, double DarkCount, double Misalignment, double? MeanPhotonNumber)
{
    public static PulseStatistics Of(NetworkLink link, Network network, string receiver)
    {
        var physics = LinkPhysics.Of(link, network);
        var spec = link.Spec;
        double endDetector = network.FindNode(receiver) is { Kind: Core.NodeKind.EndNode } node ? node.Spec.DetectorEfficiency : 1;
        return new PulseStatistics(physics.Transmissivity * spec.DetectorEfficiency * endDetector, spec.DarkCount, spec.Misalignment,
            spec.Source == PhotonSource.Coherent ? spec.MeanPhotonNumber : null);
    }

    /// <summary>Probability that a pulse of exactly <paramref name="photons"/> photons clicks: Y_n.</summary>
    public double Yield(int photons) => 1 - (1 - DarkCount) * Math.Pow(1 - Transmissivity, photons);

    /// <summary>Error rate of the clicks of n-photon pulses: e_n.</summary>
    public double PhotonErrorRate(int photons)
    {
        double missed = Math.Pow(1 - Transmissivity, photons);
        return (Misalignment * (1 - missed) + DarkCount * missed / 2) / Yield(photons);
    }

    /// <summary>Probability that a coherent pulse of intensity μ clicks: the gain Q_μ.</summary>
    public double Gain(double intensity) => 1 - (1 - DarkCount) * Math.Exp(-Transmissivity * intensity);

    /// <summary>Error rate of the clicks of coherent pulses of intensity μ: E_μ.</summary>
    public double ErrorRate(double intensity)
    {
        double missed = Math.Exp(-Transmissivity * intensity);
        return (Misalignment * (1 - missed) + DarkCount * missed / 2) / Gain(intensity);
    }

    /// <summary>
    /// Probability that the photons of one pulse are detected (not counting dark counts): η for
    /// one photon, 1 − e^(−ημ) for a coherent pulse (Poissonian thinning: the detected photon
    /// number is Poissonian of mean ημ).
    /// </summary>
    public double SignalDetection => MeanPhotonNumber is { } mu ? 1 - Math.Exp(-Transmissivity * mu) : Transmissivity;
}
