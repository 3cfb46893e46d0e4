namespace QNetLang.Simulation.Events;

/// <summary>Something that reacts to its own events; kind, arg and data are its own codes.</summary>
public interface IEventHandler
{
    void Handle(int kind, int arg, long data, long time);
}

/// <summary>
/// The discrete-event core: events ordered by integer picosecond time, ties broken by the order
/// in which they were scheduled, so a run is a deterministic function of its inputs and seed.
/// Events are plain structs (no closures), which keeps the queue at millions of events per second.
/// </summary>
public sealed class EventQueue
{
    private readonly PriorityQueue<Event, (long Time, long Sequence)> _queue = new();
    private long _sequence;

    private readonly record struct Event(IEventHandler Handler, int Kind, int Arg, long Data);

    /// <summary>The time of the event being handled (or of the last one).</summary>
    public long Now { get; private set; }

    /// <summary>Events handled so far.</summary>
    public long Processed { get; private set; }

    public int Pending => _queue.Count;

    public void Schedule(long time, IEventHandler handler, int kind, int arg = 0, long data = 0)
    {
        if (time < Now) throw new InvalidOperationException($"event scheduled in the past ({time} < {Now})");
        _queue.Enqueue(new Event(handler, kind, arg, data), (time, _sequence++));
    }

    /// <summary>Handles the next event; false when none is left.</summary>
    public bool Step()
    {
        if (!_queue.TryDequeue(out var e, out var key)) return false;
        Now = key.Time;
        Processed++;
        e.Handler.Handle(e.Kind, e.Arg, e.Data, key.Time);
        return true;
    }

    /// <summary>Peeks at the time of the next event, or null.</summary>
    public long? NextTime => _queue.TryPeek(out _, out var key) ? key.Time : null;
}
