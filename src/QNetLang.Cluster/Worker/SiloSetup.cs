using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace QNetLang.Cluster.Worker;

/// <summary>
/// What every worker silo needs, for `qnlc worker` and for the test clusters alike: the
/// services of the worker grains and a membership that notices a lost worker within seconds
/// (its unfinished items then run again elsewhere).
/// </summary>
public static class SiloSetup
{
    public const string ClusterId = "qnlc";
    public const string ServiceId = "qnlc";

    /// <summary>The cluster's names, for `qnlc worker` (test clusters have their own).</summary>
    public static ISiloBuilder UseQnlcClusterNames(this ISiloBuilder silo) => silo.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = ClusterId;
        o.ServiceId = ServiceId;
    });

    public static ISiloBuilder AddQnlcWorker(this ISiloBuilder silo, int threads)
    {
        silo.Services.AddSingleton(new WorkerSlots(threads));
        silo.Services.AddSingleton<PreparedRunCache>();
        silo.AddPlacementDirector<Grains.AvoidSuspectsPlacement, Grains.AvoidSuspectsPlacementDirector>();
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // A worker is declared dead after two missed one-second probes; with two workers
            // the survivor's vote is enough. Items are retried, so a false alarm costs only time.
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            // A busy machine (all cores simulating) must still declare a killed worker dead:
            // otherwise new items keep being placed on it.
            o.ExtendProbeTimeoutDuringDegradation = false;
        });
        return silo;
    }
}
