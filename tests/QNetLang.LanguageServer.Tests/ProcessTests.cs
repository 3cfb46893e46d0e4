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
        using var process = Process.Start(start)!;
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
}
