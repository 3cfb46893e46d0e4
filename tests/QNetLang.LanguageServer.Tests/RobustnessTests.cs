using System.Text;
using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>Bad input must never end the session: every test finishes with a clean shutdown.</summary>
public class RobustnessTests : IAsyncLifetime
{
    private readonly LspTestClient _client = new();

    public async Task InitializeAsync() => await _client.InitializeAsync();

    public async Task DisposeAsync() => await _client.DisposeAsync();

    /// <summary>The server still answers: a request after the bad input gets its result.</summary>
    private async Task AssertStillServingAsync()
    {
        var symbols = await _client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nothing.qn" } });
        Assert.Empty(symbols!.AsArray());
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsAParseErrorWithNullId()
    {
        await _client.SendRawAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": "));
        var error = await _client.NextUnmatchedResponseAsync();
        Assert.Equal(-32700, error["error"]!["code"]!.GetValue<int>());
        Assert.True(error.ContainsKey("id") && error["id"] is null);
        await AssertStillServingAsync();
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("42")]
    [InlineData("{\"jsonrpc\": \"2.0\", \"id\": 17}")]
    [InlineData("{\"jsonrpc\": \"2.0\", \"id\": 18, \"method\": 5}")]
    [InlineData("{\"jsonrpc\": \"2.0\", \"id\": {\"nested\": true}, \"method\": \"textDocument/hover\"}")]
    public async Task JsonThatIsNotAMessageIsAnInvalidRequest(string body)
    {
        await _client.SendRawAsync(Encoding.UTF8.GetBytes(body));
        var error = await _client.NextUnmatchedResponseAsync();
        Assert.Equal(-32600, error["error"]!["code"]!.GetValue<int>());
        if (body.Contains("\"id\": 17")) Assert.Equal(17, error["id"]!.GetValue<int>());
        await AssertStillServingAsync();
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task InvalidUtf8IsAParseError()
    {
        await _client.SendRawAsync([0x7B, 0xFF, 0xFE, 0x7D]);
        Assert.Equal(-32700, (await _client.NextUnmatchedResponseAsync())["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task HeaderWithoutContentLengthIsSkippedAndReadingResumes()
    {
        await _client.SendBytesAsync(Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc\r\n\r\n"));
        Assert.Equal(-32700, (await _client.NextUnmatchedResponseAsync())["error"]!["code"]!.GetValue<int>());
        await _client.SendBytesAsync(Encoding.ASCII.GetBytes("Content-Length: banana\r\n\r\n"));
        Assert.Equal(-32700, (await _client.NextUnmatchedResponseAsync())["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync();
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task GarbageBetweenMessagesIsSkipped()
    {
        // 100 KiB without a blank line: more than a header may be, so it is dropped in pieces.
        await _client.SendBytesAsync(Encoding.ASCII.GetBytes(new string('x', 100 * 1024)));
        Assert.Equal(-32700, (await _client.NextUnmatchedResponseAsync())["error"]!["code"]!.GetValue<int>());
        // A header glued to the tail of the garbage still starts the next message.
        await _client.SendBytesAsync(Encoding.ASCII.GetBytes("trailing junk"));
        await AssertStillServingAsync();
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task UnknownMethodIsMethodNotFoundAndUnknownNotificationIsIgnored()
    {
        var response = await _client.RequestAsync("qnetlang/doesNotExist", new JsonObject());
        Assert.Equal(-32601, response["error"]!["code"]!.GetValue<int>());
        await _client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "verbose" });
        await _client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject() });
        await AssertStillServingAsync();
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task ParametersOfTheWrongShapeAreInvalidParams()
    {
        var wrongPosition = await _client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///x.qn" },
            ["position"] = "line three",
        });
        Assert.Equal(-32602, wrongPosition["error"]!["code"]!.GetValue<int>());
        var notAnObject = await _client.RequestAsync("textDocument/definition", new JsonArray(1, 2));
        Assert.True(notAnObject.ContainsKey("error"));
        // Notifications with nonsense are dropped silently (there is no one to answer).
        await _client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = 5 });
        await _client.NotifyAsync("textDocument/didChange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///x.qn" } });
        await _client.NotifyAsync("textDocument/didClose", new JsonObject());
        await AssertStillServingAsync();
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task LargeDocumentsArriveWhole()
    {
        // A megabyte in one message: far past any pipe buffer, so reading must not stall.
        string body = string.Concat(Enumerable.Repeat("    h q[0]; cx q[0], q[1]; // padding padding padding padding\n", 20_000));
        string text = "network n { qpu a { qubits = 2; } }\nprogram p on n {\n    qubit[2] q @ a;\n" + body + "    hh q[0];\n}\n";
        Assert.True(text.Length > 1_000_000);
        string uri = "file:///tmp/large.qn";
        await _client.OpenAsync(uri, text);
        var diagnostic = Assert.Single(await _client.DiagnosticsAsync(uri, 1))!;
        Assert.Equal("QN2003", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(20_003, diagnostic["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task PositionsOutsideTheDocumentAreClamped()
    {
        // Line 0 ends with the node name `alice`, so a position past the end of line 0 must act
        // exactly like the end of that line: a hover and a definition for alice, not an error
        // and not nothing.
        string uri = "untitled:Untitled-1";
        string line0 = "network n { qpu alice { qubits = 2; } } program p on n { qubit x @ alice";
        string line1 = "; h x; }";
        await _client.OpenAsync(uri, line0 + "\n" + line1);
        Assert.Empty(await _client.DiagnosticsAsync(uri, 1));
        var cases = new (int Line, int Character, int ClampedLine, int ClampedCharacter)[]
        {
            (0, 10_000, 0, line0.Length),
            (-1, -1, 0, 0),
            (10_000, 0, 1, 0),
            (int.MaxValue, int.MaxValue, 1, line1.Length),
        };
        foreach (var (line, character, clampedLine, clampedCharacter) in cases)
            foreach (string method in new[] { "textDocument/hover", "textDocument/definition" })
            {
                var outside = await _client.ResultAsync(method, LspTestClient.At(uri, line, character));
                var clamped = await _client.ResultAsync(method, LspTestClient.At(uri, clampedLine, clampedCharacter));
                Assert.Equal(clamped?.ToJsonString(), outside?.ToJsonString());
            }
        var pastTheEnd = await _client.ResultAsync("textDocument/hover", LspTestClient.At(uri, 0, 10_000));
        Assert.Contains("alice", pastTheEnd!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(await _client.ResultAsync("textDocument/definition", LspTestClient.At(uri, 0, 10_000)));
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task EveryExampleTruncatedAnywhereNeverBreaksTheServer()
    {
        string examples = Path.Combine(RepoRoot(), "examples");
        int version = 1;
        string uri = new Uri(Path.Combine(examples, "scratch.qn")).AbsoluteUri;
        await _client.OpenAsync(uri, "", version);
        foreach (string file in Directory.EnumerateFiles(examples, "*.qn").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            // Cuts at a handful of places, as if the file were being typed.
            foreach (int cut in new[] { text.Length / 7, text.Length / 3, text.Length / 2, text.Length * 5 / 6, text.Length })
            {
                await _client.ChangeAsync(uri, text[..cut], ++version);
                await _client.DiagnosticsAsync(uri, version);
                string[] lines = text[..cut].Split('\n');
                for (int line = 0; line < lines.Length; line += 4)
                    for (int character = 0; character < lines[line].Length; character += 6)
                    {
                        await _client.ResultAsync("textDocument/hover", LspTestClient.At(uri, line, character));
                        await _client.ResultAsync("textDocument/definition", LspTestClient.At(uri, line, character));
                    }
                await _client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
            }
        }
        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
