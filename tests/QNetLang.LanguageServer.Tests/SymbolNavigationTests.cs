using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// References and rename over JSON-RPC for the names only the binder's table holds (nodes in
/// every place they are written, loop and round variables, names in included files) and on a
/// file that does not compile.
/// </summary>
public class SymbolNavigationTests : IDisposable
{
    private const string Network = """
        network ring {
            qpu alice { qubits = 4; }
            qpu bob { qubits = 4; }
            repeater mid { memories = 2; }
            link alice -- mid { length = 5 km; }
            link mid -- bob;
            link bob -- alice;
        }

        """;

    private const string Program = """
        program p on ring {
            qubit[2] q @ alice;
            bit[2] c;
            qubit b @ bob;
            bit arrived;
            at alice { h q[0]; }
            teleport q[0] -> bob;
            arrived = send b -> alice;
            for i in 0 .. 2 { c[i] = measure q[i]; }
            figure ones = mean(c[k] over k in 0 .. 2);
        }

        """;

    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    private static JsonObject WithContext(JsonObject parameters, bool includeDeclaration)
    {
        parameters["context"] = new JsonObject { ["includeDeclaration"] = includeDeclaration };
        return parameters;
    }

    private static JsonObject Rename(string uri, string text, string word, string newName, int occurrence = 0)
    {
        var parameters = TestDocuments.At(uri, text, word, occurrence);
        parameters["newName"] = newName;
        return parameters;
    }

    private static IEnumerable<(int Line, int Character)> Starts(JsonArray locations) =>
        locations.Select(l => TestDocuments.Start(l!["range"]));

    private static IEnumerable<(int Line, int Character)> Every(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            int line = text[..at].Count(c => c == '\n');
            yield return (line, at - (at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1));
        }
    }

    [Fact]
    public async Task RenamingANodeEditsItsDeclarationLinksPinsAtTeleportAndSend()
    {
        string text = Network + Program;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("ring.qn");
        await client.OpenAsync(uri, text);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));

        var edit = await client.ResultAsync("textDocument/rename", Rename(uri, text, "alice", "carol", occurrence: 3));
        var edits = edit!["changes"]![uri]!.AsArray();
        // qpu alice, both links, @ alice, at alice, send … -> alice.
        Assert.Equal(Every(text, "alice"), edits.Select(e => TestDocuments.Start(e!["range"])));
        Assert.All(edits, e => Assert.Equal("carol", e!["newText"]!.GetValue<string>()));

        var bob = (await client.ResultAsync("textDocument/references", WithContext(TestDocuments.At(uri, text, "bob;"), true)))!.AsArray();
        Assert.Equal(Every(text, "bob"), Starts(bob));
    }

    [Fact]
    public async Task ReferencesOfLoopAndRoundVariablesStayInTheirLoop()
    {
        string text = Network + Program.Replace("figure ones", "for j in 0 .. 2 { x q[j]; }\n    figure ones");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("loops.qn");
        await client.OpenAsync(uri, text);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));

        var loop = (await client.ResultAsync("textDocument/references", WithContext(TestDocuments.At(uri, text, "i]"), true)))!.AsArray();
        Assert.Equal(Every(text, "[i]").Select(p => (p.Line, p.Character + 1)).Prepend(TestDocuments.Find(text, "i in")), Starts(loop));

        var round = (await client.ResultAsync("textDocument/references", WithContext(TestDocuments.At(uri, text, "k]"), false)))!.AsArray();
        Assert.Equal([TestDocuments.Find(text, "k]")], Starts(round));
        var highlights = (await client.ResultAsync("textDocument/documentHighlight", TestDocuments.At(uri, text, "k in")))!.AsArray();
        Assert.Equal(2, highlights.Count);
    }

    [Theory]
    [InlineData("alice", 3, "bob")]    // another node of the network
    [InlineData("i]", 0, "q")]         // a loop variable may not hide a register
    [InlineData("c;", 0, "arrived")]   // two bit registers of one name
    public async Task RenameIsRefusedWhenTheNewNameClashes(string word, int occurrence, string newName)
    {
        string text = Network + Program;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("clash.qn");
        await client.OpenAsync(uri, text);
        var response = await client.RequestAsync("textDocument/rename", Rename(uri, text, word, newName, occurrence));
        Assert.True(response.ContainsKey("error"), response.ToJsonString());
        Assert.Contains("would break the program", response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReferencesFromAProgramReachIntoTheIncludedNetworkFile()
    {
        string netUri = _files.Write("ring.qn", Network);
        string main = "include \"ring.qn\";\n" + Program;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, main);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));

        var alice = (await client.ResultAsync("textDocument/references", WithContext(TestDocuments.At(uri, main, "alice"), true)))!.AsArray();
        Assert.Equal(Every(Network, "alice"), alice.Where(l => l!["uri"]!.GetValue<string>() == netUri).Select(l => TestDocuments.Start(l!["range"])));
        Assert.Equal(Every(main, "alice"), alice.Where(l => l!["uri"]!.GetValue<string>() == uri).Select(l => TestDocuments.Start(l!["range"])));

        var definition = await client.ResultAsync("textDocument/definition", TestDocuments.At(uri, main, "bob"));
        Assert.Equal(netUri, definition!["uri"]!.GetValue<string>());
        Assert.Equal(TestDocuments.Find(Network, "bob"), TestDocuments.Start(definition["range"]));
    }

    [Fact]
    public async Task NamesAnswerWhileTheFileHasASyntaxErrorFurtherDown()
    {
        string text = Network + Program.Replace("for i in 0 .. 2", "x +;\n    for i in 0 .. 2");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("typing.qn");
        await client.OpenAsync(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        Assert.StartsWith("QN1", Assert.Single(diagnostics)!["code"]!.GetValue<string>());

        var references = (await client.ResultAsync("textDocument/references", WithContext(TestDocuments.At(uri, text, "q["), true)))!.AsArray();
        Assert.Equal(Every(text, "q[").Prepend(TestDocuments.Find(text, "q @")), Starts(references));

        var hover = await client.ResultAsync("textDocument/hover", TestDocuments.At(uri, text, "alice;"));
        Assert.Contains("qpu alice", hover!["contents"]!["value"]!.GetValue<string>());

        var edit = await client.ResultAsync("textDocument/rename", Rename(uri, text, "arrived", "flag"));
        Assert.Equal(2, edit!["changes"]![uri]!.AsArray().Count);

        // The compiler does not bind a file with a syntax error; the clash is still found.
        var clash = await client.RequestAsync("textDocument/rename", Rename(uri, text, "arrived", "c"));
        Assert.True(clash.ContainsKey("error"), clash.ToJsonString());
        Assert.Contains("would break the program", clash["error"]!["message"]!.GetValue<string>());
    }
}
