using System.Threading.Channels;
using QNetLang.LanguageServer.Features;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer;

/// <summary>
/// Compiles changed documents one at a time, in the background, and publishes their
/// diagnostics. Requests for the same document that pile up while a compilation runs are
/// merged (typing fast compiles the latest text once), and because a single loop publishes,
/// a document's diagnostics always arrive in order and a closed document's are cleared last.
/// </summary>
public sealed class DiagnosticsPublisher(Workspace workspace, Func<PublishDiagnosticsParams, Task> publish, TextWriter log)
{
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for the document's diagnostics to be (re)published, or cleared if it is closed by then.</summary>
    public void Schedule(string uri) => _pending.Writer.TryWrite(uri);

    public void Complete() => _pending.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var batch = new List<string>();
                while (_pending.Reader.TryRead(out string? uri))
                    if (!batch.Contains(uri)) batch.Add(uri);
                foreach (string uri in batch) await PublishAsync(uri).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The session is over.
        }
    }

    private async Task PublishAsync(string uri)
    {
        try
        {
            if (workspace.Analyze(uri) is not { } current)
            {
                await publish(new PublishDiagnosticsParams(uri, null, [])).ConfigureAwait(false);
                return;
            }
            // A newer version is already queued: publishing this one would only flicker.
            if (workspace.Get(uri)?.Version != current.Document.Version) return;
            await publish(new PublishDiagnosticsParams(uri, current.Document.Version, DiagnosticConverter.Convert(current.Analysis))).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One document's failure (or a client that went away) must not stop the loop.
            log.WriteLine($"qnlc lsp: could not publish diagnostics for {uri}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
