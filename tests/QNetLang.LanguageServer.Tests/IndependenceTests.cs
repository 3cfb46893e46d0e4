using System.Diagnostics;
using QNetLang.LanguageServer.Analysis;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// Per-document analysis: one document's slow or blocked analysis never delays another's
/// diagnostics, stale analyses are cancelled, and includes of pipes and devices are refused.
/// Shown structurally (by holding an analysis up), not by timing; bench/ measures the delay.
/// </summary>
public class IndependenceTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A server whose analysis of <paramref name="slow"/> waits until <paramref name="release"/> is set.</summary>
    private static LspTestClient HoldingBack(string slow, ManualResetEventSlim release) => new((document, others, cancellation) =>
    {
        if (document.Uri == slow) release.Wait(cancellation);
        return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
    });

    [Fact]
    public async Task ABlockedDocumentDoesNotDelayAnotherDocumentsDiagnostics()
    {
        string slow = _files.Uri("slow.qn");
        string fast = _files.Uri("fast.qn");
        using var release = new ManualResetEventSlim();
        await using var client = HoldingBack(slow, release);
        await client.InitializeAsync();
        await client.OpenAsync(slow, TestDocuments.Lab);
        await client.OpenAsync(fast, TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];"));

        // The slow document is still held up here, yet the other one's diagnostics arrive.
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(fast, 1));
        Assert.Equal("QN2003", diagnostic!["code"]!.GetValue<string>());
        Assert.False(release.IsSet);

        release.Set();
        Assert.Empty(await client.DiagnosticsAsync(slow, 1));
    }

    [Fact]
    public async Task ARequestWaitingForAnAnalysisDoesNotHoldUpTheMessagesAfterIt()
    {
        // A client asks for the semantic tokens of a document still being analysed, then opens another.
        string slow = _files.Uri("slow.qn");
        string fast = _files.Uri("fast.qn");
        using var release = new ManualResetEventSlim();
        await using var client = HoldingBack(slow, release);
        await client.InitializeAsync();
        await client.OpenAsync(slow, TestDocuments.Lab);
        var tokens = client.RequestAsync("textDocument/semanticTokens/full", new System.Text.Json.Nodes.JsonObject { ["textDocument"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = slow } });
        await client.OpenAsync(fast, TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];"));

        // The request still waits, yet the notification after it was handled.
        Assert.Equal("QN2003", Assert.Single(await client.DiagnosticsAsync(fast, 1))!["code"]!.GetValue<string>());
        Assert.False(tokens.IsCompleted);

        release.Set();
        Assert.NotEmpty((await tokens)["result"]!["data"]!.AsArray());
    }

    [Fact]
    public async Task EditingAnotherDocumentDoesNotRestartASlowAnalysis()
    {
        string slow = _files.Uri("slow.qn");
        string other = _files.Uri("other.qn");
        using var release = new ManualResetEventSlim();
        int slowRuns = 0;
        await using var client = new LspTestClient((document, others, cancellation) =>
        {
            if (document.Uri == slow)
            {
                Interlocked.Increment(ref slowRuns);
                release.Wait(cancellation);
            }
            return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
        });
        await client.InitializeAsync();
        await client.OpenAsync(slow, TestDocuments.Lab);
        await client.OpenAsync(other, TestDocuments.Lab);
        Assert.Empty(await client.DiagnosticsAsync(other, 1));
        await client.ChangeAsync(other, TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];"), 2);
        Assert.Single(await client.DiagnosticsAsync(other, 2));

        release.Set();
        Assert.Empty(await client.DiagnosticsAsync(slow, 1));
        // slow.qn does not include other.qn, so its one analysis was neither cancelled nor redone.
        Assert.Equal(1, Volatile.Read(ref slowRuns));
    }

    [Fact]
    public async Task AnAnalysisThatLoadedAFileEditedWhileItRanIsRedone()
    {
        string netText = "network lab { qpu alice { qubits = 4; } }\n";
        string netUri = _files.Write("net.qn", netText);
        string main = _files.Uri("main.qn");
        using var release = new ManualResetEventSlim();
        int mainRuns = 0;
        await using var client = new LspTestClient((document, others, cancellation) =>
        {
            if (document.Uri == main && Interlocked.Increment(ref mainRuns) == 1) release.Wait(cancellation);
            return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
        });
        await client.InitializeAsync();
        await client.OpenAsync(main, "include \"net.qn\";\nprogram p on lab { qubit a @ alice; h a; }\n");
        // While main.qn's first analysis (which reads net.qn from disk) runs, net.qn is opened with a node renamed.
        await client.OpenAsync(netUri, netText.Replace("alice", "carol"));
        release.Set();
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(main, 1));
        Assert.Equal("QN2013", diagnostic!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEditCancelsTheStaleAnalysis()
    {
        string uri = _files.Uri("edited.qn");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new LspTestClient((document, others, cancellation) =>
        {
            if (document.Version == 1)
            {
                // Runs until the server gives up on this version.
                started.TrySetResult();
                cancellation.WaitHandle.WaitOne(LspTestClient.Timeout);
                if (cancellation.IsCancellationRequested) cancelled.TrySetResult();
                cancellation.ThrowIfCancellationRequested();
            }
            return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
        });
        await client.InitializeAsync();
        await client.OpenAsync(uri, TestDocuments.Lab);
        await started.Task.WaitAsync(LspTestClient.Timeout);
        await client.ChangeAsync(uri, TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];"), 2);

        Assert.Single(await client.DiagnosticsAsync(uri, 2));
        await cancelled.Task.WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task IncludingACharacterDeviceIsRefusedWithADiagnostic()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("zero.qn");
        await client.OpenAsync(uri, "include \"/dev/zero\";\n");
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1));
        Assert.Equal("QN1004", diagnostic!["code"]!.GetValue<string>());
        Assert.Contains("it is a character device, not a regular file", diagnostic["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task IncludingANamedPipeIsRefusedAndOtherDocumentsStillWork()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using (var mkfifo = Process.Start("mkfifo", _files.Path("fifo.qn")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("pipe.qn");
        await client.OpenAsync(uri, "include \"fifo.qn\";\n");
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1));
        Assert.Contains("it is a named pipe, not a regular file", diagnostic!["message"]!.GetValue<string>());

        string other = _files.Uri("other.qn");
        await client.OpenAsync(other, TestDocuments.Lab);
        Assert.Empty(await client.DiagnosticsAsync(other, 1));
    }
}
