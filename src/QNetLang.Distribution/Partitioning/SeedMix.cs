namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Derives a random seed from several integers the same way in every process.
/// <see cref="HashCode.Combine{T1,T2}"/> is salted per process, so seeds made with it gave
/// different placements (and different output bytes) for the same input and --seed.
/// </summary>
public static class SeedMix
{
    public static int Combine(params int[] values)
    {
        // FNV-1a over the values' bytes, then a final avalanche (splitmix64's finaliser).
        ulong hash = 14695981039346656037UL;
        foreach (int value in values)
            for (int shift = 0; shift < 32; shift += 8)
                hash = (hash ^ (byte)(value >> shift)) * 1099511628211UL;
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return (int)(hash & 0x7FFFFFFF);
    }
}
