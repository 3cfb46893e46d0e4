using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace QNetLang.LanguageServer;

/// <summary>
/// LSP base protocol framing (<c>Content-Length</c> headers) that survives bad input.
/// StreamJsonRpc's <see cref="HeaderDelimitedMessageHandler"/> writes the frames; reading is
/// done here because the stock reader ends the connection at the first message it cannot
/// parse. A frame whose body is not a JSON-RPC message is answered with a parse error
/// (or "invalid request" when it is JSON) and skipped; a header block without a usable
/// <c>Content-Length</c> is skipped up to the next header that has one.
/// </summary>
public sealed class LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, TextWriter log)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    /// <summary>Above the compiler's 32 MiB file limit even when JSON escaping doubles the text.</summary>
    private const int MaxContentLength = 128 * 1024 * 1024;

    /// <summary>Headers are a line or two; anything longer is garbage to resynchronise past.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var reader = Reader ?? throw new InvalidOperationException("no input stream");
        while (true)
        {
            string? header = await ReadHeaderAsync(reader, cancellationToken).ConfigureAwait(false);
            if (header is null) return null;
            if (ContentLength(header) is not { } length)
            {
                await RejectAsync(null, $"no valid Content-Length header in '{Shorten(header)}'", cancellationToken).ConfigureAwait(false);
                continue;
            }
            byte[]? body = await ReadBodyAsync(reader, length, cancellationToken).ConfigureAwait(false);
            if (body is null) return null;
            try
            {
                return Formatter.Deserialize(new ReadOnlySequence<byte>(body));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await RejectAsync(body, ex.Message, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The header block up to the blank line, or null at the end of the input.</summary>
    private async ValueTask<string?> ReadHeaderAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var terminator = IndexOf(buffer, HeaderTerminator);
            if (terminator is { } end)
            {
                string header = Encoding.ASCII.GetString(buffer.Slice(0, end).ToArray());
                reader.AdvanceTo(buffer.GetPosition(end + HeaderTerminator.Length));
                return header;
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.ToArray().Any(b => b is not ((byte)'\r' or (byte)'\n' or (byte)' ')))
                    log.WriteLine("qnlc lsp: the input ended inside a message header");
                return null;
            }
            if (buffer.Length > MaxHeaderBytes)
            {
                // Drop the garbage but keep a possible partial terminator at the end.
                await RejectAsync(null, "a message header longer than 64 KiB", cancellationToken).ConfigureAwait(false);
                reader.AdvanceTo(buffer.GetPosition(buffer.Length - (HeaderTerminator.Length - 1)), buffer.End);
                continue;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async ValueTask<byte[]?> ReadBodyAsync(PipeReader reader, int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length >= length)
            {
                byte[] body = result.Buffer.Slice(0, length).ToArray();
                reader.AdvanceTo(result.Buffer.GetPosition(length));
                return body;
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(result.Buffer.End);
                return null;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>
    /// The last <c>Content-Length</c> in the block, found anywhere in a line so that a header
    /// glued to the tail of a skipped body still counts (that is how reading gets back in step).
    /// </summary>
    private static int? ContentLength(string header)
    {
        const string name = "Content-Length:";
        int at = header.LastIndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        string value = header[(at + name.Length)..].Split('\n')[0].Trim();
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int length) && length > 0 && length <= MaxContentLength
            ? length
            : null;
    }

    /// <summary>
    /// Answers a message that cannot be handled, as JSON-RPC 2.0 asks: "parse error" with a null
    /// id for text that is not JSON, "invalid request" (with the id when one can be read) for
    /// JSON that is not a request, response or notification.
    /// </summary>
    private async ValueTask RejectAsync(byte[]? body, string reason, CancellationToken cancellationToken)
    {
        log.WriteLine($"qnlc lsp: ignored a malformed message: {reason}");
        var code = JsonRpcErrorCode.ParseError;
        var id = RequestId.Null;
        if (body is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                code = JsonRpcErrorCode.InvalidRequest;
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var idElement))
                {
                    if (idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out long number)) id = new RequestId(number);
                    else if (idElement.ValueKind == JsonValueKind.String) id = new RequestId(idElement.GetString());
                }
            }
            catch (JsonException)
            {
                // Not JSON at all: a parse error, as set above.
            }
        }
        var error = new JsonRpcError
        {
            RequestId = id,
            Error = new JsonRpcError.ErrorDetail { Code = code, Message = code == JsonRpcErrorCode.ParseError ? $"Parse error: {reason}" : $"Invalid request: {reason}" },
        };
        try
        {
            await WriteAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            log.WriteLine($"qnlc lsp: could not send the error response: {ex.Message}");
        }
    }

    private static long? IndexOf(ReadOnlySequence<byte> buffer, byte[] pattern)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> before, pattern, advancePastDelimiter: false) ? before.Length : null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
