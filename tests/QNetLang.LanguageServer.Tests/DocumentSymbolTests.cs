using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>textDocument/documentSymbol: the outline.</summary>
public class DocumentSymbolTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task NetworksWithNodesAndLinksProgramsWithGatesRegistersAndConstants()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        var symbols = (await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!.AsArray();

        Assert.Equal(["lab", "p"], symbols.Select(s => s!["name"]!.GetValue<string>()));
        var network = symbols[0]!;
        Assert.Equal(3, network["kind"]!.GetValue<int>()); // Namespace
        Assert.Equal(
            ["alice", "mid", "sensor", "alice -- mid", "mid -- sensor"],
            network["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["qpu", "repeater", "endnode", "link", "link"], network["children"]!.AsArray().Select(c => c!["detail"]!.GetValue<string>()));

        var program = symbols[1]!;
        Assert.Equal(12, program["kind"]!.GetValue<int>()); // Function
        Assert.Equal("on lab", program["detail"]!.GetValue<string>());
        var children = program["children"]!.AsArray();
        Assert.Equal(["theta", "a", "q", "c", "bell"], children.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal([14, 13, 18, 18, 6], children.Select(c => c!["kind"]!.GetValue<int>()));

        // The name is the selection range, inside the whole declaration.
        var gate = children[4]!;
        Assert.Equal(TestDocuments.Find(TestDocuments.Lab, "bell(x"), TestDocuments.Start(gate["selectionRange"]));
        Assert.Equal(TestDocuments.Find(TestDocuments.Lab, "gate bell"), TestDocuments.Start(gate["range"]));
    }

    [Fact]
    public async Task SubroutinesAreFunctionsOfTheProgram()
    {
        const string text = "network n { qpu a { qubits = 2; } }\nprogram p on n {\n    qubit q;\n    def flip(qubit t) -> bit { bit m; x t; m = measure t; return m; }\n    flip(q);\n}\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("subroutine.qn");
        await client.OpenAsync(uri, text);
        var symbols = (await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!.AsArray();
        var children = symbols[1]!["children"]!.AsArray();
        Assert.Equal(["q", "flip"], children.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("def", children[1]!["detail"]!.GetValue<string>());
        Assert.Equal(12, children[1]!["kind"]!.GetValue<int>()); // Function
    }

    [Fact]
    public async Task UnknownDocumentHasNoSymbols()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var symbols = await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///never/opened.qn" } });
        Assert.Empty(symbols!.AsArray());
    }
}
