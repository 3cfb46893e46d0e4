using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>initialize → initialized → shutdown → exit, and what happens out of order.</summary>
public class LifecycleTests
{
    [Fact]
    public async Task InitializeAnnouncesIncrementalSyncHoverDefinitionAndSymbols()
    {
        await using var client = new LspTestClient();
        var response = await client.InitializeAsync();
        var capabilities = response["result"]!["capabilities"]!;
        Assert.True(capabilities["textDocumentSync"]!["openClose"]!.GetValue<bool>());
        Assert.Equal(2, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        Assert.True(capabilities["hoverProvider"]!.GetValue<bool>());
        Assert.True(capabilities["definitionProvider"]!.GetValue<bool>());
        Assert.True(capabilities["documentSymbolProvider"]!.GetValue<bool>());
        Assert.Equal("qnlc", response["result"]!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task RequestBeforeInitializeIsServerNotInitialized()
    {
        await using var client = new LspTestClient();
        var response = await client.RequestAsync("textDocument/hover", LspTestClient.At("file:///x.qn", 0, 0));
        Assert.Equal(-32002, response["error"]!["code"]!.GetValue<int>());
        // The session goes on: initialize still works.
        await client.InitializeAsync();
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task ExitWithoutShutdownEndsWithCodeOne()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.Server!.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task RequestsAfterShutdownAreRejectedAndDocumentsIgnored()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        Assert.Null(await client.ResultAsync("shutdown", null));
        var response = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///x.qn" } });
        Assert.Equal(-32600, response["error"]!["code"]!.GetValue<int>());
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.Server!.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task ClosedInputEndsTheSession()
    {
        var client = new LspTestClient();
        await client.InitializeAsync();
        await client.DisposeAsync();
        Assert.Equal(1, await client.Server!.WaitAsync(LspTestClient.Timeout));
    }
}
