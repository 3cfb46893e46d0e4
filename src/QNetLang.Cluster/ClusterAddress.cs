using System.Globalization;

namespace QNetLang.Cluster;

/// <summary>
/// Where a cluster is: <c>redis://HOST:PORT</c> (membership in Redis: workers on any machine
/// that reaches it) or <c>localhost:PORT</c> (Orleans' development clustering: the first worker
/// on this machine listens on PORT and the others join it; the client talks to its gateway on
/// PORT+1).
/// </summary>
public sealed record ClusterAddress(ClusterKind Kind, string Host, int Port)
{
    public override string ToString() => Kind == ClusterKind.Redis ? $"redis://{Host}:{Port}" : $"localhost:{Port}";

    /// <summary>HOST:PORT, as StackExchange.Redis takes it.</summary>
    public string RedisEndpoint => $"{Host}:{Port}";

    /// <summary>Null with the reason when <paramref name="text"/> is not an address.</summary>
    public static ClusterAddress? Parse(string text, out string? problem)
    {
        problem = null;
        bool redis = text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase);
        string rest = redis ? text["redis://".Length..].TrimEnd('/') : text;
        int colon = rest.LastIndexOf(':');
        if (colon <= 0)
        {
            problem = "it has no HOST:PORT";
            return null;
        }
        string host = rest[..colon];
        if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65534)
        {
            problem = $"'{rest[(colon + 1)..]}' is not a port between 1 and 65534";
            return null;
        }
        if (redis) return new ClusterAddress(ClusterKind.Redis, host, port);
        if (host is "localhost" or "127.0.0.1") return new ClusterAddress(ClusterKind.Localhost, "127.0.0.1", port);
        problem = $"'{host}' is neither redis://… nor localhost";
        return null;
    }
}

public enum ClusterKind
{
    Redis,
    Localhost,
}
