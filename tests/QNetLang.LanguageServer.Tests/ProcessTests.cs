using System.Diagnostics;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// `qnlc lsp` as an editor runs it: a child process on stdin/stdout. This catches what the
/// in-process tests cannot: anything else printed to stdout would corrupt the protocol.
/// </summary>
public class ProcessTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task QnlcLspServesOverStdioAndExitsZeroAfterShutdown()
    {
        using var process = StartQnlcLsp();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await using var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
            await client.InitializeAsync();
            string uri = _files.Uri("lab.qn");
            await client.OpenAsync(uri, TestDocuments.Lab.Replace("rz(theta)", "rz(theta, theta)"));
            var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
            Assert.Equal("QN2005", diagnostic["code"]!.GetValue<string>());
            Assert.Equal(0, await client.ShutdownAndExitAsync());
            Assert.True(process.WaitForExit(30_000), "qnlc lsp did not exit after `exit`");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        Assert.DoesNotContain("internal error", await stderr);
    }

    [Fact]
    public async Task ALargeDocumentIsAnalysedByTheServersOwnWorkerProcess()
    {
        using var process = StartQnlcLsp();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await using var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
            await client.InitializeAsync();
            var body = new System.Text.StringBuilder();
            while (body.Length < LspServerOptions.DefaultLargeDocumentLength) body.Append("    h q[0];\n    cx q[0], q[1];\n");
            string text = $"network lab {{ qpu alice {{ qubits = 4; }} }}\nprogram big on lab {{\n    qubit[2] q @ alice;\n    hh q[1];\n{body}}}\n";
            string uri = _files.Uri("large.qn");
            await client.OpenAsync(uri, text);
            Assert.Equal("QN2003", Assert.Single(await client.DiagnosticsAsync(uri, 1))!["code"]!.GetValue<string>());

            // The diagnostics came from a child `qnlc lsp --analysis-worker`, which ends with the server.
            var workers = ChildProcesses(process.Id).Where(c => c.CommandLine.Contains("--analysis-worker")).ToList();
            Assert.Single(workers);
            Assert.Equal(0, await client.ShutdownAndExitAsync());
            Assert.True(process.WaitForExit(30_000), "qnlc lsp did not exit after `exit`");
            Assert.True(SpinWait.SpinUntil(() => !Directory.Exists($"/proc/{workers[0].Id}"), 10_000), "the analysis worker outlived the server");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        Assert.DoesNotContain("internal error", await stderr);
    }

    private static Process StartQnlcLsp()
    {
        string qnlc = Path.Combine(AppContext.BaseDirectory, "qnlc.dll");
        Assert.True(File.Exists(qnlc), $"{qnlc} is missing");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(qnlc);
        start.ArgumentList.Add("lsp");
        return Process.Start(start)!;
    }

    /// <summary>The processes whose parent is <paramref name="parent"/>, with their command lines (from /proc: Linux).</summary>
    private static List<(int Id, string CommandLine)> ChildProcesses(int parent)
    {
        var children = new List<(int, string)>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int id)) continue;
            try
            {
                // stat: "pid (comm) state ppid …"; comm may contain spaces, so read after the last ')'.
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) != parent) continue;
                children.Add((id, File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ')));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile.
            }
        }
        return children;
    }
}
