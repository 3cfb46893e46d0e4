namespace QNetLang.Simulation;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than System.Random so that
/// a seed gives the same numbers on every .NET version, and so that each shot gets an
/// independent stream derived from (seed, shot index): results then do not depend on how
/// shots are spread over threads.
/// </summary>
public sealed class ShotRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public ShotRandom(long seed, long stream = 0)
    {
        ulong x = unchecked((ulong)seed ^ ((ulong)stream * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        // Decorrelate nearby stream numbers a little more: mix the stream in a second time.
        ulong y = unchecked((ulong)stream + 0x632BE59BD9B4E019UL);
        _s2 ^= SplitMix(ref y);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = unchecked(x += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        ulong result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => p > 0 && (p >= 1 || NextDouble() < p);

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);

    /// <summary>
    /// The number of Bernoulli(p) trials up to and including the first success (≥ 1), sampled by
    /// inversion in O(1) so that a link with p = 1e-6 costs no more than one with p = 0.5.
    /// </summary>
    public long Geometric(double p)
    {
        if (p >= 1) return 1;
        if (p <= 0) throw new ArgumentOutOfRangeException(nameof(p), "geometric distribution needs p > 0");
        double u = 1.0 - NextDouble(); // (0, 1]
        double k = Math.Ceiling(Math.Log(u) / double.LogP1(-p));
        if (k < 1) k = 1;
        return k > long.MaxValue / 4 ? long.MaxValue / 4 : (long)k;
    }
}
