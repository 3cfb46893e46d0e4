namespace QNetLang.Cluster.Grains;

/// <summary>
/// Runs one work item. The client names a fresh grain for every attempt of every item, so
/// the items spread over the workers at random and a retry can land on any live worker.
/// </summary>
public interface IShotWorkerGrain : IGrainWithStringKey
{
    Task<WorkReply> Run(WorkItem item);
}
