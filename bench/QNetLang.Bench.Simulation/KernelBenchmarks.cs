using System.Numerics;
using BenchmarkDotNet.Attributes;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;

namespace QNetLang.Bench.Simulation;

/// <summary>State-vector kernels against a plain copy of the same array (the memory-bandwidth yardstick).</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private StateVectorEngine _engine = null!;
    private int[] _slots = [];
    private Complex[] _source = [];
    private Complex[] _target = [];
    private static readonly GateInfo H = GateCatalog.Get("h");
    private static readonly Complex[,] HMatrix = H.Unitary([]);
    private static readonly GateInfo Cx = GateCatalog.Get("cx");
    private static readonly Complex[,] CxMatrix = Cx.Unitary([]);

    [Params(20, 24)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new StateVectorEngine(32);
        _slots = Enumerable.Range(0, Qubits).Select(_ => _engine.Allocate()).ToArray();
        _source = new Complex[1 << Qubits];
        _target = new Complex[1 << Qubits];
    }

    [Benchmark(Description = "H on the middle qubit")]
    public void Hadamard() => _engine.ApplyGate(H, HMatrix, [_slots[Qubits / 2]]);

    [Benchmark(Description = "CX, control low, target high")]
    public void ControlledX() => _engine.ApplyGate(Cx, CxMatrix, [_slots[1], _slots[Qubits - 2]]);

    [Benchmark(Baseline = true, Description = "Array.Copy of the amplitudes")]
    public void Copy() => Array.Copy(_source, _target, _source.Length);
}

/// <summary>The discrete-event queue on its own: schedule and handle events.</summary>
[MemoryDiagnoser]
public class EventQueueBenchmarks : QNetLang.Simulation.Events.IEventHandler
{
    private long _handled;

    [Benchmark(Description = "1M events through the queue (1000 in flight)")]
    public long MillionEvents()
    {
        var queue = new QNetLang.Simulation.Events.EventQueue();
        _handled = 0;
        for (int i = 0; i < 1000; i++) queue.Schedule(i, this, 0, i);
        long remaining = 1_000_000 - 1000;
        while (queue.Step())
        {
            if (remaining-- > 0) queue.Schedule(queue.Now + 1 + (_handled * 7919 % 1000), this, 0, 0);
        }
        return _handled;
    }

    public void Handle(int kind, int arg, long data, long time) => _handled++;
}
