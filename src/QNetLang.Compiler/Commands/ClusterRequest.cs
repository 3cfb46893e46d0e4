namespace QNetLang.Compiler.Commands;

/// <summary>`--cluster URI` and the options that go with it, for `run` and `sweep`.</summary>
public sealed record ClusterRequest(string Address, string? CheckpointDirectory = null, double TimeoutSeconds = ClusterRequest.DefaultTimeoutSeconds, double ConnectTimeoutSeconds = 15, bool Verbose = false)
{
    public const double DefaultTimeoutSeconds = 86_400;
}
