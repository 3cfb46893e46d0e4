using Orleans.TestingHost;
using QNetLang.Cluster.Worker;

namespace QNetLang.Cluster.Tests;

/// <summary>Orleans test clusters: several worker silos in this process, one thread each.</summary>
public static class TestClusters
{
    public sealed class WorkerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddQnlcWorker(threads: 1);
    }

    public static async Task<TestCluster> StartAsync(int silos)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<WorkerSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
