namespace QNetLang.Ir;

/// <summary>
/// A midpoint SPDC pair source (`scheme = source`, `source = spdc`): each attempt emits n pairs
/// with the thermal (Bose–Einstein) distribution P(n) = μⁿ/(1 + μ)ⁿ⁺¹ of mean μ
/// (`mean_photon_number`), one photon of each pair towards each node. A node's threshold
/// detector clicks when any of its n photons is detected (probability a per photon) or, when
/// none is, on a dark count p_d. The pair is heralded when both nodes click:
/// <c>p = Σ P(n)·[1 − (1−p_d)(1−a)ⁿ]·[1 − (1−p_d)(1−b)ⁿ]</c>, summed with the generating
/// function Σ P(n)xⁿ = 1/(1 + μ(1 − x)):
/// <c>p = 1 − (1−p_d)/(1 + μa) − (1−p_d)/(1 + μb) + (1−p_d)²/(1 + μ(a + b − ab))</c>.
/// Only a herald from exactly one pair whose two photons are both detected carries the
/// source's Bell pair: <c>p_true = a·b·μ/(1 + μ)²</c>. Heralds from two or more pairs, or with
/// a dark count in place of a photon, are taken as maximally mixed (a conservative stand-in: a
/// double pair measured in one basis is partly correlated), so the Werner parameter is
/// multiplied by p_true/p, as for dark counts on a single pair.
/// </summary>
public static class ThermalPairSource
{
    /// <summary>(true, heralded) probabilities per attempt for arm detection probabilities a and b.</summary>
    public static (double True, double Heralded) Herald(double meanPairs, double a, double b, double dark)
    {
        double mu = meanPairs, keep = 1 - dark;
        double heralded = 1 - keep / (1 + mu * a) - keep / (1 + mu * b) + keep * keep / (1 + mu * (a + b - a * b));
        return (a * b * OnePair(mu), heralded);
    }

    /// <summary>Probability of exactly one pair in an attempt: μ/(1 + μ)².</summary>
    public static double OnePair(double meanPairs) => meanPairs / ((1 + meanPairs) * (1 + meanPairs));
}
