using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QNetLang.Core;

namespace QNetLang.Cluster.Worker;

/// <summary>
/// `qnlc worker --cluster URI`: a silo that joins the cluster and runs work items until it is
/// stopped (Ctrl+C or SIGTERM). With Redis it listens on free ports and advertises the address
/// this machine uses to reach Redis; with localhost:PORT the first worker listens on PORT
/// (gateway PORT+1) and the others join it.
/// </summary>
public static class WorkerHost
{
    public static async Task<int> RunAsync(ClusterAddress address, int threads, bool verbose, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        var startTimeout = TimeSpan.FromSeconds(30);
        IPAddress advertised = IPAddress.Loopback;
        if (address.Kind == ClusterKind.Redis)
        {
            if (await RedisProbe.CheckAsync(address, TimeSpan.FromSeconds(5)) is { } unreachable)
                return Fail(stderr, unreachable);
            advertised = RedisProbe.LocalAddressTowards(address);
        }

        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.AddQnlcWorker(threads).UseQnlcClusterNames();
                if (address.Kind == ClusterKind.Redis)
                {
                    silo.UseRedisClustering(o => o.ConfigurationOptions = RedisProbe.Options(address));
                    silo.ConfigureEndpoints(advertised, FreePort(), FreePort(), listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
                }
                else
                {
                    bool primary = PortIsFree(address.Port) && PortIsFree(address.Port + 1);
                    silo.UseLocalhostClustering(primary ? address.Port : FreePort(), primary ? address.Port + 1 : FreePort(), new IPEndPoint(IPAddress.Loopback, address.Port),
                        SiloSetup.ServiceId, SiloSetup.ClusterId);
                }
            })
            .ConfigureLogging(logging => QuietLogging.Configure(logging, verbose))
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, ProcessLifetime>())
            .Build();
        try
        {
            using var starting = CancellationTokenSource.CreateLinkedTokenSource(stop);
            starting.CancelAfter(startTimeout);
            await host.StartAsync(starting.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            string why = ex is OperationCanceledException ? $"it did not start within {startTimeout.TotalSeconds:0} s" : ex.Message;
            return Fail(stderr, Problem(Diagnostics.WorkerCannotStart, address, why));
        }
        var details = (Orleans.Runtime.ILocalSiloDetails)host.Services.GetService(typeof(Orleans.Runtime.ILocalSiloDetails))!;
        stdout.WriteLine($"qnlc worker {details.SiloAddress.ToParsableString()} serving cluster {address} with {Math.Max(1, threads)} thread(s); stop with Ctrl+C");
        stdout.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
        // Leaving tells the others (through Redis); bounded, because with Redis gone Orleans
        // would keep trying, and a stopped worker must stop.
        var leaving = TimeSpan.FromSeconds(20);
        using var stopping = new CancellationTokenSource(leaving);
        var stopped = host.StopAsync(stopping.Token);
        if (await Task.WhenAny(stopped, Task.Delay(leaving + TimeSpan.FromSeconds(2))) != stopped || !stopped.IsCompletedSuccessfully)
        {
            stderr.WriteLine($"qnlc worker: stopped without leaving the cluster cleanly (no answer within {leaving.TotalSeconds:0} s); the others will notice within seconds");
            return 0;
        }
        host.Dispose();
        return 0;
    }

    internal static Diagnostic Problem(DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor.Code, DiagnosticSeverity.Error, default, descriptor.Format(args));

    private static int Fail(TextWriter stderr, Diagnostic problem)
    {
        stderr.WriteLine($"qnlc: error {problem.Code}: {problem.Message}");
        return 1;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
