namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Minimum cuts of cover-graph parts already solved, keyed by the whole flow problem: the part's
/// size, each vertex's weight and side in local order, and its edges as local pairs. The
/// partitioner's local search changes one or two qubits between evaluations, so most parts of
/// the next cover are ones it has just cut; a part whose problem is equal, value for value, gets
/// the stored answer (the cut and which local vertices it chose), never a look-alike: a hash
/// only finds the candidates, and the full key is compared. Not thread-safe; one per workspace.
/// </summary>
internal sealed class PartCutCache
{
    /// <summary>Entries kept before the cache starts over (bounds memory; only speed depends on it).</summary>
    private const int MaxEntries = 1 << 14;

    private readonly Dictionary<Key, Entry> _entries = new(KeyComparer.Instance);
    private long[] _key = new long[64];
    private int _length;
    private ulong _hash;

    /// <summary>Starts the key of a part of <paramref name="size"/> vertices.</summary>
    public void Begin(int size)
    {
        _length = 0;
        _hash = 14695981039346656037UL;
        Append(size);
    }

    public void Append(long value)
    {
        if (_length == _key.Length) Array.Resize(ref _key, 2 * _length);
        _key[_length++] = value;
        _hash = (_hash ^ (ulong)value) * 1099511628211UL;
    }

    /// <summary>The stored cut of the part described since <see cref="Begin"/>, if it was solved before.</summary>
    public bool TryGet(out long cut, out bool[] chosen)
    {
        if (_entries.TryGetValue(new Key(_key, _length, (int)(_hash ^ (_hash >> 32))), out var entry))
        {
            (cut, chosen) = (entry.Cut, entry.Chosen);
            return true;
        }
        (cut, chosen) = (0, []);
        return false;
    }

    /// <summary>Stores the cut of the part described since <see cref="Begin"/>; <paramref name="chosen"/> is copied.</summary>
    public void Store(long cut, ReadOnlySpan<bool> chosen)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        var key = new Key(_key.AsSpan(0, _length).ToArray(), _length, (int)(_hash ^ (_hash >> 32)));
        _entries[key] = new Entry(cut, chosen.ToArray());
    }

    private sealed record Entry(long Cut, bool[] Chosen);

    private readonly record struct Key(long[] Values, int Length, int Hash);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) =>
            x.Hash == y.Hash && x.Length == y.Length && x.Values.AsSpan(0, x.Length).SequenceEqual(y.Values.AsSpan(0, y.Length));

        public int GetHashCode(Key key) => key.Hash;
    }
}
