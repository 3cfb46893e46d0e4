namespace QNetLang.Cluster.Grains;

/// <summary>Holds one program's files, keyed by their hash, for the workers to fetch once each.</summary>
public interface IProgramStoreGrain : IGrainWithStringKey
{
    Task Put(ProgramPayload payload);

    /// <summary>The files, or null when this activation never received them (it started again elsewhere after a worker left).</summary>
    Task<ProgramPayload?> Get();
}
