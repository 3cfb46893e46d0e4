using System.Collections.Concurrent;
using QNetLang.Cluster.Grains;
using QNetLang.Simulation.Blocks;

namespace QNetLang.Cluster.Worker;

/// <summary>
/// The runs this worker has prepared, by program hash and options: a program arrives and is
/// read back once per worker, however many of its items the worker runs.
/// Bounded, because a sweep brings one program per point.
/// </summary>
public sealed class PreparedRunCache
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<(string Hash, string Options), Lazy<Task<PreparedRun?>>> _runs = new();

    /// <summary>The prepared run, or null when this worker does not have the program and <paramref name="fetch"/> gives none.</summary>
    public async Task<PreparedRun?> GetAsync(string hash, string options, Func<Task<ProgramPayload?>> fetch)
    {
        if (_runs.Count > Capacity) _runs.Clear();
        var entry = _runs.GetOrAdd((hash, options), _ => new Lazy<Task<PreparedRun?>>(() => PrepareAsync(hash, options, fetch)));
        var run = await entry.Value;
        if (run is null) _runs.TryRemove(new KeyValuePair<(string, string), Lazy<Task<PreparedRun?>>>((hash, options), entry));
        return run;
    }

    private static async Task<PreparedRun?> PrepareAsync(string hash, string options, Func<Task<ProgramPayload?>> fetch)
    {
        var payload = await fetch();
        if (payload is null) return null;
        var bundle = ProgramBundle.FromFiles(payload.Files);
        if (bundle.Hash != hash) throw new InvalidDataException($"program {hash} arrived with hash {bundle.Hash}");
        var program = bundle.Unpack(out var problems)
            ?? throw new InvalidDataException($"program {hash} does not read back: {string.Join("; ", problems)}");
        return new PreparedRun(program, WorkOptions.Parse(options));
    }
}
