using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QNetLang.Cluster.Tests;

/// <summary>qnlc (and redis-server) as separate processes, as a user starts them, with their output captured.</summary>
public sealed class QnlcProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new(), _stderr = new();

    private QnlcProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts `qnlc ARGS` from the build beside the tests.</summary>
    public static QnlcProcess Qnlc(params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "qnlc.dll"), .. args]);

    public static QnlcProcess Start(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return new QnlcProcess(Process.Start(info)!);
    }

    /// <summary>Waits until standard output contains <paramref name="text"/>; false after <paramref name="timeout"/> or when the process ended.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Stdout.Contains(text, StringComparison.Ordinal)) return true;
            if (_process.HasExited) return false;
            Thread.Sleep(50);
        }
        return false;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit();
        return true;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The redis-server on PATH, or null.</summary>
    public static string? RedisServer { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);
}

/// <summary>A test that needs redis-server: skipped, saying why, where it is not installed (CI installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (QnlcProcess.RedisServer is null) Skip = "redis-server is not installed (apt-get install redis-server; .ci/run installs it)";
    }
}
