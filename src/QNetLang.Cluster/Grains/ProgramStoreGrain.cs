namespace QNetLang.Cluster.Grains;

/// <summary>
/// Keeps the program in memory only: when its worker leaves, the next worker that asks gets
/// null and the client sends the program again (<see cref="WorkStatus.ProgramMissing"/>).
/// </summary>
public sealed class ProgramStoreGrain : Grain, IProgramStoreGrain
{
    private ProgramPayload? _payload;

    public Task Put(ProgramPayload payload)
    {
        if (payload.Hash != this.GetPrimaryKeyString()) throw new ArgumentException($"program {payload.Hash} sent to the store of {this.GetPrimaryKeyString()}");
        _payload = payload;
        return Task.CompletedTask;
    }

    public Task<ProgramPayload?> Get() => Task.FromResult(_payload);
}
