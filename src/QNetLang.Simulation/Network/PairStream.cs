using System.Diagnostics;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Events;

namespace QNetLang.Simulation.Network;

/// <summary>
/// The pair-stream workload (`qnlc run NET.qn --stream A,B`): end-to-end pairs requested
/// continuously between two nodes, each consumed as soon as it arrives, until a number of
/// pairs or a simulated duration. As many requests are in flight at once as the two ends have
/// memories (a QPU's comm, an endnode's qubits); repeaters admit them as their memories allow.
/// This is how repeater papers and simulators (QuISP, SeQUeNCe) measure a network, and it is
/// what a static program cannot say: "keep the link busy for one second".
/// </summary>
public static class PairStream
{
    public sealed record Options
    {
        public required string From { get; init; }
        public required string To { get; init; }
        /// <summary>Stop after this many pairs (the time of the last one is the run's time).</summary>
        public long? Pairs { get; init; }
        /// <summary>Stop at this simulated time (pairs delivered later do not count).</summary>
        public double? DurationSeconds { get; init; }
        public long Seed { get; init; }
        /// <summary>Independent repetitions, each with its own random stream.</summary>
        public int Runs { get; init; } = 1;
        public double MaxTimeSeconds { get; init; } = TimeLimits.DefaultMaxTimeSeconds;
        public Location Location { get; init; }
        public DistillationPolicy Distillation { get; init; } = DistillationPolicy.None;
    }

    /// <summary>One repetition: pairs delivered, their mean fidelity, wait and attempts, and when it ended.</summary>
    public sealed record Run(long Pairs, double MeanFidelity, double MeanWaitPs, double MeanAttempts, long EndPs, long Events);

    public sealed record Result(string From, string To, IReadOnlyList<string> Route, int InFlight, IReadOnlyList<Run> Runs, double WallSeconds)
    {
        public double MeanPairs => Runs.Average(r => (double)r.Pairs);
        public double MeanEndSeconds => Runs.Average(r => SimTime.ToSeconds(r.EndPs));
        public double MeanFidelity => Runs.Sum(r => r.MeanFidelity * r.Pairs) / Math.Max(1, Runs.Sum(r => r.Pairs));
        public long Events => Runs.Sum(r => r.Events);
    }

    public static Result Execute(Ir.Network network, Options options)
    {
        var model = new NetworkModel(network);
        if (!model.TryIndexOf(options.From, out int from) || !model.TryIndexOf(options.To, out int to))
            throw new SimulationLimitException(Diagnostics.BadStreamRequest, options.Location, $"network {network.Name} has no node '{(model.TryIndexOf(options.From, out _) ? options.To : options.From)}'");
        if (from == to)
            throw new SimulationLimitException(Diagnostics.BadStreamRequest, options.Location, "the two ends must be different nodes");
        // The compiler's router: a stream between two nodes takes the path a program's pair would.
        var path = new Router(network).Route(options.From, options.To)
            ?? throw new SimulationLimitException(Diagnostics.BadStreamRequest, options.Location, $"there is no usable path from {options.From} to {options.To}");
        var route = path.Select(model.IndexOf).ToArray();
        int inFlight = Math.Min(model.Nodes[from].Memories, model.Nodes[to].Memories);
        if (inFlight < 1)
            throw new SimulationLimitException(Diagnostics.BadStreamRequest, options.Location, "an end has no memory to hold pairs");
        var clock = Stopwatch.StartNew();
        var runs = new Run[options.Runs];
        try
        {
            Parallel.For(0, options.Runs, run => runs[run] = new Worker(model, route, inFlight, options, run).Execute());
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<SimulationLimitException>().FirstOrDefault() is { } limit)
        {
            // The callers report a limit as a diagnostic; the threads' wrapper would hide it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(limit);
        }
        return new Result(options.From, options.To, path, inFlight, runs, clock.Elapsed.TotalSeconds);
    }

    private sealed class Worker(NetworkModel model, int[] route, int inFlight, Options options, int run) : IPairConsumer
    {
        private readonly EventQueue _queue = new();
        private EntanglementService? _service;
        private long _pairs, _end;
        private double _fidelity, _wait, _attempts;
        private bool _stopped;
        private readonly long _deadline = options.DurationSeconds is { } d ? SimTime.FromSeconds(d) : long.MaxValue;

        public Run Execute()
        {
            long maxTime = SimTime.FromSeconds(options.MaxTimeSeconds);
            if (_deadline != long.MaxValue) maxTime = Math.Max(maxTime, _deadline + 1);
            _service = new EntanglementService(model, _queue, new ShotRandom(options.Seed, run), maxTime, options.Distillation);
            for (int i = 0; i < inFlight; i++) _service.Submit(route, 0, this, i, options.Location);
            while (!_stopped && _queue.NextTime is { } next && next <= _deadline) _queue.Step();
            if (_deadline != long.MaxValue) _end = _deadline;
            return new Run(_pairs, _pairs == 0 ? 0 : _fidelity / _pairs, _pairs == 0 ? 0 : _wait / _pairs, _pairs == 0 ? 0 : _attempts / _pairs, _end, _queue.Processed);
        }

        public void PairDelivered(int token, PairDelivery delivery)
        {
            if (_stopped || delivery.DeliveredAt > _deadline) return;
            _pairs++;
            _fidelity += delivery.State.Fidelity;
            _wait += delivery.DeliveredAt - delivery.RequestedAt;
            _attempts += delivery.Attempts;
            _end = delivery.DeliveredAt;
            if (options.Pairs is { } target && _pairs >= target)
            {
                _stopped = true;
                return;
            }
            _service!.Submit(route, delivery.DeliveredAt, this, token, options.Location);
        }
    }
}
