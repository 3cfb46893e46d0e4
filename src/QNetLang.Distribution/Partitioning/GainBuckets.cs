namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// The gain-bucket structure of Fiduccia–Mattheyses: one doubly linked list of items per integer
/// gain, and a pointer to the highest non-empty bucket, so inserting, removing and taking the
/// item of highest gain cost O(1) (amortised over the pointer's walk down). Items of equal gain
/// come out last-in first-out, which keeps the order deterministic.
/// </summary>
internal sealed class GainBuckets
{
    private readonly int _offset;
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int[] _prev;
    private readonly int[] _bucket;
    private int _top = -1;

    /// <param name="items">Items are 0 … items − 1.</param>
    /// <param name="maxGain">Largest |gain| inserted; larger gains are clamped to it (their order among themselves is then arbitrary but deterministic).</param>
    public GainBuckets(int items, int maxGain)
    {
        _offset = Math.Max(0, maxGain);
        _head = new int[2 * _offset + 1];
        Array.Fill(_head, -1);
        _next = new int[items];
        _prev = new int[items];
        _bucket = new int[items];
        Array.Fill(_bucket, -1);
    }

    public bool Contains(int item) => _bucket[item] >= 0;

    public void Insert(int item, long gain)
    {
        if (Contains(item)) Remove(item);
        int b = (int)(Math.Clamp(gain, -_offset, _offset) + _offset);
        _bucket[item] = b;
        _prev[item] = -1;
        _next[item] = _head[b];
        if (_head[b] >= 0) _prev[_head[b]] = item;
        _head[b] = item;
        if (b > _top) _top = b;
    }

    public void Remove(int item)
    {
        int b = _bucket[item];
        if (b < 0) return;
        if (_prev[item] >= 0) _next[_prev[item]] = _next[item];
        else _head[b] = _next[item];
        if (_next[item] >= 0) _prev[_next[item]] = _prev[item];
        _bucket[item] = -1;
    }

    /// <summary>Removes and returns an item of the highest gain, or −1 when empty.</summary>
    public int PopMax()
    {
        while (_top >= 0 && _head[_top] < 0) _top--;
        if (_top < 0) return -1;
        int item = _head[_top];
        Remove(item);
        return item;
    }
}
