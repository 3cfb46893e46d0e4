namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Dinic's maximum flow on integer capacities, with the residual graph kept for reading a
/// minimum cut. <see cref="Reset"/> empties it for another network, keeping its arrays (the
/// partitioner solves thousands of small networks in a row).
/// </summary>
internal sealed class MaxFlow
{
    // Edge arrays grown by doubling and reused across resets (plain arrays: the partitioner's
    // thousands of small flows spent much of their time in list indexers).
    private int[] _to = new int[16];
    private long[] _capacity = new long[16];
    private int[] _next = new int[16];
    private int _edges;
    private int[] _head = [];
    private int _vertices;
    private int[] _level = [];
    private int[] _iterator = [];
    private bool[] _seen = [];
    private int[] _queue = [];
    private readonly Stack<int> _stack = new();
    private readonly List<int> _path = new();

    public MaxFlow(int vertices) => Reset(vertices);

    /// <summary>Whether <see cref="Run"/> starts with <see cref="SaturateShortPaths"/>; off only in tests, which compare both ways.</summary>
    internal bool ShortPathsFirst { get; init; } = true;

    public int VertexCount => _vertices;

    /// <summary>An empty network of <paramref name="vertices"/> vertices.</summary>
    public void Reset(int vertices)
    {
        _vertices = vertices;
        if (_head.Length < vertices)
        {
            _head = new int[vertices];
            _level = new int[vertices];
            _iterator = new int[vertices];
            _seen = new bool[vertices];
            _queue = new int[vertices];
        }
        Array.Fill(_head, -1, 0, vertices);
        _edges = 0;
    }

    public void AddEdge(int from, int to, long capacity)
    {
        Add(from, to, capacity);
        Add(to, from, 0);
    }

    private void Add(int from, int to, long capacity)
    {
        if (_edges == _to.Length)
        {
            Array.Resize(ref _to, 2 * _edges);
            Array.Resize(ref _capacity, 2 * _edges);
            Array.Resize(ref _next, 2 * _edges);
        }
        _to[_edges] = to;
        _capacity[_edges] = capacity;
        _next[_edges] = _head[from];
        _head[from] = _edges++;
    }

    public long Run(int source, int sink)
    {
        long flow = ShortPathsFirst ? SaturateShortPaths(source, sink) : 0;
        while (BuildLevels(source, sink))
        {
            Array.Copy(_head, _iterator, _vertices);
            long pushed;
            while ((pushed = Push(source, sink, long.MaxValue)) > 0) flow += pushed;
        }
        return flow;
    }

    /// <summary>
    /// Pushes flow along every path source → u → v → sink in one greedy pass, as far as each
    /// admits, before Dinic's phases start. The cover networks are exactly such three-edge paths
    /// (copies on one side, conflicts, copies on the other), so this finds most of the flow at
    /// once and leaves the phases a few augmentations instead of a whole matching. Only the time
    /// changes: the maximum flow's value, and the vertices reachable from the source after it (the
    /// minimal minimum cut), are the same for every maximum flow.
    /// </summary>
    private long SaturateShortPaths(int source, int sink)
    {
        var head = _head;
        var next = _next;
        var to = _to;
        var capacity = _capacity;
        // The edge into the sink per vertex (−1: none), kept in Dinic's iterator array, which each
        // phase refills before use; an edge's reverse is its index ^ 1.
        var toSink = _iterator;
        Array.Fill(toSink, -1, 0, _vertices);
        for (int e = 0; e < _edges; e += 2)
            if (to[e] == sink) toSink[to[e + 1]] = e;
        long flow = 0;
        for (int first = head[source]; first >= 0; first = next[first])
        {
            int u = to[first];
            for (int middle = head[u]; middle >= 0 && capacity[first] > 0; middle = next[middle])
            {
                int v = to[middle];
                if (v == source || capacity[middle] <= 0) continue;
                int last = toSink[v];
                if (last < 0 || capacity[last] <= 0) continue;
                long pushed = Math.Min(Math.Min(capacity[first], capacity[middle]), capacity[last]);
                foreach (int e in (ReadOnlySpan<int>)[first, middle, last])
                {
                    capacity[e] -= pushed;
                    capacity[e ^ 1] += pushed;
                }
                flow += pushed;
            }
        }
        return flow;
    }

    /// <summary>After <see cref="Run"/>: true for vertices still reachable from the source in the residual graph (an array owned by this object, valid until the next run; entries past <see cref="VertexCount"/> mean nothing).</summary>
    public bool[] SourceSide(int source)
    {
        var seen = _seen;
        Array.Clear(seen, 0, _vertices);
        var stack = _stack;
        stack.Clear();
        stack.Push(source);
        seen[source] = true;
        while (stack.Count > 0)
        {
            int v = stack.Pop();
            for (int e = _head[v]; e >= 0; e = _next[e])
                if (_capacity[e] > 0 && !seen[_to[e]])
                {
                    seen[_to[e]] = true;
                    stack.Push(_to[e]);
                }
        }
        return seen;
    }

    private bool BuildLevels(int source, int sink)
    {
        Array.Fill(_level, -1, 0, _vertices);
        // Each vertex enters the queue at most once, so an array of the vertex count holds it.
        var queue = _queue;
        var level = _level;
        var head = _head;
        var next = _next;
        var capacity = _capacity;
        var to = _to;
        int first = 0, last = 0;
        level[source] = 0;
        queue[last++] = source;
        while (first < last)
        {
            int v = queue[first++];
            for (int e = head[v]; e >= 0; e = next[e])
                if (capacity[e] > 0 && level[to[e]] < 0)
                {
                    level[to[e]] = level[v] + 1;
                    queue[last++] = to[e];
                }
        }
        return level[sink] >= 0;
    }

    /// <summary>Iterative blocking-flow step (the graph is shallow, but explicit stacks keep deep cases safe).</summary>
    private long Push(int source, int sink, long limit)
    {
        var path = _path;
        path.Clear();
        int v = source;
        while (true)
        {
            if (v == sink)
            {
                long bottleneck = limit;
                foreach (int e in path) bottleneck = Math.Min(bottleneck, _capacity[e]);
                foreach (int e in path)
                {
                    _capacity[e] -= bottleneck;
                    _capacity[e ^ 1] += bottleneck;
                }
                return bottleneck;
            }
            bool advanced = false;
            for (; _iterator[v] >= 0; _iterator[v] = _next[_iterator[v]])
            {
                int e = _iterator[v];
                if (_capacity[e] > 0 && _level[_to[e]] == _level[v] + 1)
                {
                    path.Add(e);
                    v = _to[e];
                    advanced = true;
                    break;
                }
            }
            if (advanced) continue;
            if (path.Count == 0) return 0;
            // Dead end: retreat and skip the edge that led here.
            _level[v] = -1;
            int last = path[^1];
            path.RemoveAt(path.Count - 1);
            v = _to[last ^ 1];
            _iterator[v] = _next[_iterator[v]];
        }
    }
}
