namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Dinic's maximum flow on integer capacities, with the residual graph kept for reading a
/// minimum cut. <see cref="Reset"/> empties it for another network, keeping its arrays (the
/// partitioner solves thousands of small networks in a row).
/// </summary>
internal sealed class MaxFlow
{
    private readonly List<int> _to = new();
    private readonly List<long> _capacity = new();
    private readonly List<int> _next = new();
    private int[] _head = [];
    private int _vertices;
    private int[] _level = [];
    private int[] _iterator = [];
    private bool[] _seen = [];
    private readonly Queue<int> _queue = new();
    private readonly Stack<int> _stack = new();
    private readonly List<int> _path = new();

    public MaxFlow(int vertices) => Reset(vertices);

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
        }
        Array.Fill(_head, -1, 0, vertices);
        _to.Clear();
        _capacity.Clear();
        _next.Clear();
    }

    public void AddEdge(int from, int to, long capacity)
    {
        Add(from, to, capacity);
        Add(to, from, 0);
    }

    private void Add(int from, int to, long capacity)
    {
        _to.Add(to);
        _capacity.Add(capacity);
        _next.Add(_head[from]);
        _head[from] = _to.Count - 1;
    }

    public long Run(int source, int sink)
    {
        long flow = 0;
        while (BuildLevels(source, sink))
        {
            Array.Copy(_head, _iterator, _vertices);
            long pushed;
            while ((pushed = Push(source, sink, long.MaxValue)) > 0) flow += pushed;
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
        var queue = _queue;
        queue.Clear();
        _level[source] = 0;
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            for (int e = _head[v]; e >= 0; e = _next[e])
                if (_capacity[e] > 0 && _level[_to[e]] < 0)
                {
                    _level[_to[e]] = _level[v] + 1;
                    queue.Enqueue(_to[e]);
                }
        }
        return _level[sink] >= 0;
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
