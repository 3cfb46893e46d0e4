using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using QNetLang.Core;
using QNetLang.Cluster.Worker;

namespace QNetLang.Cluster.Client;

/// <summary>
/// An Orleans client connected to a cluster, for one command. Connecting is bounded: Redis is
/// probed first (QN4401), then the client tries the gateways until <c>connectTimeout</c>
/// (QN4402 when no worker answers).
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, IClusterClient client)
    {
        _host = host;
        Client = client;
    }

    public IClusterClient Client { get; }

    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress address, TimeSpan connectTimeout, TimeSpan itemTimeout, bool verbose, CancellationToken cancel)
    {
        if (address.Kind == ClusterKind.Redis && await RedisProbe.CheckAsync(address, TimeSpan.FromSeconds(Math.Min(5, connectTimeout.TotalSeconds))) is { } unreachable)
            throw new ClusterFailure(unreachable);
        var deadline = DateTime.UtcNow + connectTimeout;
        Exception? last = null;
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                if (address.Kind == ClusterKind.Redis) client.UseRedisClustering(o => o.ConfigurationOptions = RedisProbe.Options(address));
                else client.UseLocalhostClustering(address.Port + 1, SiloSetup.ServiceId, SiloSetup.ClusterId);
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = SiloSetup.ClusterId;
                    o.ServiceId = SiloSetup.ServiceId;
                });
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = itemTimeout);
                client.UseConnectionRetryFilter(async (ex, token) =>
                {
                    last = ex;
                    if (DateTime.UtcNow + TimeSpan.FromMilliseconds(500) > deadline) return false;
                    await Task.Delay(500, token);
                    return true;
                });
            })
            .ConfigureLogging(logging => QuietLogging.Configure(logging, verbose))
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, ProcessLifetime>())
            .Build();
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            connecting.CancelAfter(connectTimeout + TimeSpan.FromSeconds(2));
            await host.StartAsync(connecting.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            host.Dispose();
            string why = (last ?? ex) is { } cause ? $": {cause.GetType().Name}: {cause.Message.Split('\n')[0]}" : "";
            throw ClusterFailure.Of(Diagnostics.NoWorkers, address, Math.Round(connectTimeout.TotalSeconds), why);
        }
        return new ClusterConnection(host, host.Services.GetRequiredService<IClusterClient>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(stopping.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Orleans.Runtime.OrleansException)
        {
            // Leaving a cluster that is already gone: nothing to tell the user.
        }
        _host.Dispose();
    }
}
