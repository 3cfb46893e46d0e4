using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// A minimal LSP client for tests: it frames JSON-RPC messages with Content-Length headers by
/// hand (so tests exercise the server's real framing, and can send broken frames), matches
/// responses to requests by id, and queues notifications from the server.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly Channel<JsonObject> _notifications = Channel.CreateUnbounded<JsonObject>();
    private readonly Channel<JsonObject> _unmatched = Channel.CreateUnbounded<JsonObject>();
    private readonly Task _reading;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _nextId;

    /// <summary>The server's exit code, once it has stopped.</summary>
    public Task<int>? Server { get; }

    /// <summary>Starts the server in-process on two in-memory pipes.</summary>
    public LspTestClient() : this(analyze: null)
    {
    }

    /// <summary>Starts the server in-process with another way of analysing documents.</summary>
    public LspTestClient(Workspace.DocumentAnalyzerFunction? analyze) : this(new LspServerOptions { Analyze = analyze })
    {
    }

    /// <summary>Starts the server in-process with the given options (an analysis worker, say).</summary>
    public LspTestClient(LspServerOptions options)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        _toServer = clientToServer.Writer.AsStream();
        _fromServer = serverToClient.Reader.AsStream();
        Log = new StringWriter();
        Server = Task.Run(() => LspServer.RunAsync(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), TextWriter.Synchronized(Log), options));
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Talks to a server on the other end of two streams (a child process).</summary>
    public LspTestClient(Stream toServer, Stream fromServer)
    {
        _toServer = toServer;
        _fromServer = fromServer;
        Log = new StringWriter();
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>What the in-process server logged (its stderr).</summary>
    public StringWriter Log { get; }

    public async Task<JsonObject> InitializeAsync()
    {
        var response = await RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });
        await NotifyAsync("initialized", new JsonObject());
        return response;
    }

    /// <summary>Sends a request and returns the whole response message (with "result" or "error").</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        long id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        await SendAsync(message);
        return await completion.Task.WaitAsync(Timeout);
    }

    /// <summary>The "result" of a request; fails the test when the server answered with an error.</summary>
    public async Task<JsonNode?> ResultAsync(string method, JsonNode? parameters)
    {
        var response = await RequestAsync(method, parameters);
        Assert.False(response.ContainsKey("error"), $"{method} failed: {response["error"]?.ToJsonString()}");
        Assert.True(response.ContainsKey("result"), $"{method}: no result in {response.ToJsonString()}");
        return response["result"];
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        return SendAsync(message);
    }

    public Task SendAsync(JsonObject message) => SendRawAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    /// <summary>Sends a body with a correct Content-Length header, whatever the body is.</summary>
    public Task SendRawAsync(byte[] body) =>
        SendBytesAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray());

    /// <summary>Sends bytes exactly as given (for broken headers).</summary>
    public async Task SendBytesAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _toServer.WriteAsync(bytes);
            await _toServer.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The next response that matched no request of ours (e.g. a parse error with id null).</summary>
    public async Task<JsonObject> NextUnmatchedResponseAsync() => await _unmatched.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>Waits for a notification; others that arrive first are dropped.</summary>
    public async Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool>? predicate = null)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await _notifications.Reader.ReadAsync(cancel.Token);
            if (message["method"]?.GetValue<string>() == method && (predicate?.Invoke(message) ?? true)) return message;
        }
    }

    /// <summary>The next publishDiagnostics for a document (optionally for one version).</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, int? version = null)
    {
        var message = await WaitForNotificationAsync("textDocument/publishDiagnostics", m =>
            m["params"]?["uri"]?.GetValue<string>() == uri &&
            (version is null || m["params"]?["version"]?.GetValue<int>() == version));
        return message["params"]!["diagnostics"]!.AsArray();
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "qnetlang", ["version"] = version, ["text"] = text },
        });

    public Task ChangeAsync(string uri, string text, int version) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    public Task CloseAsync(string uri) =>
        NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });

    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    /// <summary>Polite end of a session: shutdown, then exit; returns the server's exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        var response = await RequestAsync("shutdown", null);
        Assert.True(response.ContainsKey("result") && response["result"] is null, response.ToJsonString());
        await NotifyAsync("exit", null);
        return Server is null ? 0 : await Server.WaitAsync(Timeout);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                if (message.ContainsKey("method"))
                {
                    _notifications.Writer.TryWrite(message);
                }
                else if (message["id"] is JsonValue id && id.TryGetValue(out long number) && _pending.TryRemove(number, out var completion))
                {
                    completion.TrySetResult(message);
                }
                else
                {
                    _unmatched.Writer.TryWrite(message);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The server went away; pending requests time out and say so.
        }
        finally
        {
            _notifications.Writer.TryComplete();
            _unmatched.Writer.TryComplete();
        }
    }

    private async Task<JsonObject?> ReadMessageAsync()
    {
        var header = new List<byte>();
        while (header.Count < 4 || !(header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            var one = new byte[1];
            if (await _fromServer.ReadAsync(one) == 0) return null;
            header.Add(one[0]);
        }
        string text = Encoding.ASCII.GetString(header.ToArray());
        var lengthLine = text.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        int length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await _fromServer.ReadExactlyAsync(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.DisposeAsync();
        if (Server is not null)
        {
            try { await Server.WaitAsync(Timeout); }
            catch (TimeoutException) { }
        }
        // A child process's stdout only ends when the process does; do not wait long for it.
        try { await _reading.WaitAsync(Server is null ? TimeSpan.FromSeconds(1) : Timeout); }
        catch (TimeoutException) { }
        await _fromServer.DisposeAsync();
        _writeLock.Dispose();
    }
}
