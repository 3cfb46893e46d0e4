using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>textDocument/definition for gates, registers, constants, nodes and networks.</summary>
public class DefinitionTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("bell a", 0, "bell(x", 0)]        // user gate
    [InlineData("q[0]", 0, "q @ alice", 0)]       // register
    [InlineData("theta", 1, "theta", 0)]          // constant
    [InlineData("alice", 1, "alice", 0)]          // node, from a link
    [InlineData("alice", 2, "alice", 0)]          // node, from a pin
    [InlineData("alice", 4, "alice", 0)]          // node, from `at`
    [InlineData("lab", 1, "lab", 0)]              // network, from `program p on lab`
    [InlineData("i]", 0, "i in", 0)]              // loop variable
    [InlineData("x, y; }", 0, "x, y)", 0)]        // gate argument, inside the gate
    [InlineData("c[0]", 0, "c;", 0)]              // bit register
    public async Task GoesToTheDeclaration(string use, int useOccurrence, string declaration, int declarationOccurrence)
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        var result = await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, TestDocuments.Lab, use, useOccurrence));
        Assert.NotNull(result);
        Assert.Equal(uri, result!["uri"]!.GetValue<string>());
        Assert.Equal(TestDocuments.Find(TestDocuments.Lab, declaration, declarationOccurrence), TestDocuments.Start(result["range"]));
    }

    [Fact]
    public async Task BuiltinGatesKeywordsAndUnknownNamesHaveNoDefinition()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        Assert.Null(await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, TestDocuments.Lab, "rz(")));
        Assert.Null(await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, TestDocuments.Lab, "measure")));
    }

    [Fact]
    public async Task NetworkAndNodeInAnIncludedFile()
    {
        string net = "network metro {\n    qpu alice { qubits = 2; }\n}\n";
        string netUri = _files.Write("metro.qn", net);
        string main = "include \"metro.qn\";\nprogram p on metro { qubit a @ alice; }\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, main);

        var network = await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, main, "metro", 1));
        Assert.Equal(netUri, network!["uri"]!.GetValue<string>());
        Assert.Equal(TestDocuments.Find(net, "metro"), TestDocuments.Start(network["range"]));

        var node = await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, main, "alice"));
        Assert.Equal(netUri, node!["uri"]!.GetValue<string>());
        Assert.Equal(TestDocuments.Find(net, "alice"), TestDocuments.Start(node["range"]));
    }

    [Fact]
    public async Task WorksWhileTheFileHasASyntaxError()
    {
        string text = TestDocuments.Lab.Replace("c[0] = measure a;", "c[0] = measure a");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("broken.qn");
        await client.OpenAsync(uri, text);
        Assert.NotEmpty(await client.DiagnosticsAsync(uri, 1));
        var result = await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, text, "bell a"));
        Assert.Equal(TestDocuments.Find(text, "bell(x"), TestDocuments.Start(result!["range"]));
    }
}
