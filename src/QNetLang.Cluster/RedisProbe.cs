using System.Net;
using System.Net.Sockets;
using QNetLang.Core;
using StackExchange.Redis;

namespace QNetLang.Cluster;

/// <summary>
/// Talks to the cluster's Redis before Orleans does, so that an unreachable Redis is one clear
/// error within a few seconds (QN4401) rather than Orleans retrying in the background.
/// </summary>
internal static class RedisProbe
{
    public static ConfigurationOptions Options(ClusterAddress address)
    {
        var options = ConfigurationOptions.Parse(address.RedisEndpoint);
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>Null when Redis answers a PING within <paramref name="timeout"/>; otherwise the diagnostic.</summary>
    public static async Task<Diagnostic?> CheckAsync(ClusterAddress address, TimeSpan timeout)
    {
        var options = ConfigurationOptions.Parse(address.RedisEndpoint);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        options.ConnectRetry = 1;
        try
        {
            using var redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(timeout + TimeSpan.FromSeconds(1));
            await redis.GetDatabase().PingAsync().WaitAsync(timeout);
            return null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or SocketException or ArgumentException)
        {
            return WorkerHostProblem(address, timeout, ex.Message.Split('\n')[0]);
        }
    }

    private static Diagnostic WorkerHostProblem(ClusterAddress address, TimeSpan timeout, string why) =>
        Worker.WorkerHost.Problem(Diagnostics.RedisUnreachable, address.RedisEndpoint, timeout.TotalSeconds, why);

    /// <summary>The local address this machine reaches Redis from: what other workers and clients can reach this worker at.</summary>
    public static IPAddress LocalAddressTowards(ClusterAddress address)
    {
        try
        {
            var target = Dns.GetHostAddresses(address.Host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
            if (IPAddress.IsLoopback(target)) return IPAddress.Loopback;
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(target, address.Port);
            return ((IPEndPoint)socket.LocalEndPoint!).Address;
        }
        catch (Exception ex) when (ex is SocketException or InvalidOperationException)
        {
            return IPAddress.Loopback;
        }
    }
}
