using System.Text.Json.Nodes;
using QNetLang.LanguageServer.Analysis;

namespace QNetLang.LanguageServer.Tests;

/// <summary>References, highlights, rename, document links, semantic tokens, incremental sync, watched files and cancellation, over JSON-RPC.</summary>
public class NavigationFeatureTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    private static JsonObject Rename(string uri, string text, string word, string newName, int occurrence = 0)
    {
        var parameters = TestDocuments.At(uri, text, word, occurrence);
        parameters["newName"] = newName;
        return parameters;
    }

    [Fact]
    public async Task ReferencesAndHighlightsFindEveryUseOfAName()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        JsonObject Parameters(bool includeDeclaration)
        {
            var parameters = TestDocuments.At(uri, TestDocuments.Lab, "alice", 3);
            parameters["context"] = new JsonObject { ["includeDeclaration"] = includeDeclaration };
            return parameters;
        }
        var references = (await client.ResultAsync("textDocument/references", Parameters(true)))!.AsArray();
        // qpu alice, link alice, qubit a @ alice, qubit[2] q @ alice, at alice.
        Assert.Equal(5, references.Count);
        Assert.Equal(TestDocuments.Find(TestDocuments.Lab, "alice"), TestDocuments.Start(references[0]!["range"]));

        Assert.Equal(4, (await client.ResultAsync("textDocument/references", Parameters(false)))!.AsArray().Count);

        var highlights = (await client.ResultAsync("textDocument/documentHighlight", TestDocuments.At(uri, TestDocuments.Lab, "theta", 1)))!.AsArray();
        Assert.Equal(2, highlights.Count);
    }

    [Fact]
    public async Task RenameEditsEveryUseAcrossIncludedFiles()
    {
        string net = "network metro {\n    qpu alice { qubits = 2; }\n    qpu bob { qubits = 2; }\n    link alice -- bob;\n}\n";
        string netUri = _files.Write("metro.qn", net);
        string main = "include \"metro.qn\";\nprogram p on metro {\n    qubit a @ alice;\n    at alice { h a; }\n}\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, main);

        var prepare = await client.ResultAsync("textDocument/prepareRename", TestDocuments.At(uri, main, "alice"));
        Assert.Equal("alice", prepare!["placeholder"]!.GetValue<string>());

        var edit = await client.ResultAsync("textDocument/rename", Rename(uri, main, "alice", "carol"));
        var changes = edit!["changes"]!.AsObject();
        Assert.Equal(2, changes[uri]!.AsArray().Count);
        Assert.Equal(2, changes[netUri]!.AsArray().Count);   // the declaration and the link
        Assert.All(changes[netUri]!.AsArray(), e => Assert.Equal("carol", e!["newText"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("q", "c", "would break the program")]   // clashes with the bit register
    [InlineData("q", "measure", "is a keyword")]
    [InlineData("q", "cx", "is a built-in gate")]
    [InlineData("q", "2q", "is not a name")]
    [InlineData("rz", "r", "only names declared")]      // a built-in gate
    public async Task RenameRefusesToBreakTheProgram(string word, string newName, string reason)
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        var response = await client.RequestAsync("textDocument/rename", Rename(uri, TestDocuments.Lab, word + (word == "q" ? "[0]" : "("), newName));
        Assert.True(response.ContainsKey("error"), response.ToJsonString());
        Assert.Contains(reason, response["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task DocumentLinksPointIncludesAtTheirFiles()
    {
        _files.Write("metro.qn", "network metro { qpu a; }\n");
        string main = "include \"metro.qn\";\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, main);
        var link = Assert.Single((await client.ResultAsync("textDocument/documentLink", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!.AsArray())!;
        Assert.Equal(_files.Uri("metro.qn"), link["target"]!.GetValue<string>());
        Assert.Equal((0, 9), TestDocuments.Start(link["range"]));
        Assert.Equal((0, 17), TestDocuments.End(link["range"]));
    }

    [Fact]
    public async Task SemanticTokensClassifyNodesGatesAndRegisters()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        var legend = (await client.InitializeAsync())["result"]!["capabilities"]!["semanticTokensProvider"]!["legend"]!["tokenTypes"]!.AsArray()
            .Select(t => t!.GetValue<string>()).ToList();
        var data = (await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!["data"]!.AsArray()
            .Select(d => d!.GetValue<int>()).ToList();
        Assert.Equal(0, data.Count % 5);
        // Decode the relative encoding into (line, character, length, type).
        var tokens = new List<(int Line, int Character, int Length, string Type)>();
        int line = 0, character = 0;
        for (int i = 0; i < data.Count; i += 5)
        {
            line += data[i];
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            tokens.Add((line, character, data[i + 2], legend[data[i + 3]]));
        }
        var (l, c) = TestDocuments.Find(TestDocuments.Lab, "alice");
        Assert.Contains((l, c, 5, "class"), tokens);
        (l, c) = TestDocuments.Find(TestDocuments.Lab, "rz(");
        Assert.Contains((l, c, 2, "function"), tokens);
        (l, c) = TestDocuments.Find(TestDocuments.Lab, "q[1]");
        Assert.Contains((l, c, 1, "variable"), tokens);
    }

    /// <summary>
    /// The figure language's words and a property's chosen value are names too: the binder
    /// records them, so references, highlights, hover and semantic tokens reach them.
    /// </summary>
    [Fact]
    public async Task FigureWordsAndPropertyChoicesHaveReferencesHoversAndTokens()
    {
        const string text = """
            network duo {
                swap = nested;
                qpu a { qubits = 2; }
                qpu b { qubits = 2; }
                link a -- b { kind = fiber; }
                link b -- a2 { kind = fiber; }
                qpu a2 { qubits = 1; }
            }
            program p on duo {
                qubit[2] q @ a;
                bit[2] c;
                c = measure q;
                figure ones = max(mean(c[k] over k in 0 .. 2), 0);
                figure rate = max(ones / shot_time, sum(c[k] over k in 0 .. 2));
            }
            """;
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("figures.qn");
        await client.OpenAsync(uri, text);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));
        async Task<int> References(string word)
        {
            var parameters = TestDocuments.At(uri, text, word);
            parameters["context"] = new JsonObject { ["includeDeclaration"] = true };
            return (await client.ResultAsync("textDocument/references", parameters))!.AsArray().Count;
        }
        Assert.Equal(2, await References("max("));
        Assert.Equal(1, await References("mean("));
        Assert.Equal(1, await References("shot_time"));
        Assert.Equal(2, await References("fiber"));
        Assert.Equal(2, (await client.ResultAsync("textDocument/documentHighlight", TestDocuments.At(uri, text, "max(")))!.AsArray().Count);

        async Task<string> Hover(string word) =>
            (await client.ResultAsync("textDocument/hover", TestDocuments.At(uri, text, word)))!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("mean of `value` over the rounds", await Hover("mean("));
        Assert.Contains("larger of two values", await Hover("max("));
        Assert.Contains("mean simulated time of one shot", await Hover("shot_time"));
        Assert.Contains("one of the values of **swap** (nested, asap)", await Hover("nested"));

        var data = (await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!["data"]!.AsArray()
            .Select(d => d!.GetValue<int>()).ToList();
        var starts = new List<(int Line, int Character)>();
        int line = 0, character = 0;
        for (int i = 0; i < data.Count; i += 5)
        {
            line += data[i];
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            starts.Add((line, character));
        }
        foreach (string word in new[] { "nested", "fiber", "max(", "mean(", "sum(", "shot_time" })
            Assert.Contains(TestDocuments.Find(text, word), starts);
    }

    [Fact]
    public async Task IncrementalChangesApplyInOrder()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("incremental.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));
        var (line, character) = TestDocuments.Find(TestDocuments.Lab, "rz(theta)");
        JsonObject Range(int l, int c0, int c1) => new()
        {
            ["start"] = new JsonObject { ["line"] = l, ["character"] = c0 },
            ["end"] = new JsonObject { ["line"] = l, ["character"] = c1 },
        };
        // Two changes in one notification: `rz` → `rzz`, then `rzz` → `hh` (applies to the first's result).
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                new JsonObject { ["range"] = Range(line, character + 2, character + 2), ["text"] = "z" },
                new JsonObject { ["range"] = Range(line, character, character + 3), ["text"] = "hh" }),
        });
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 2))!;
        Assert.Equal("unknown gate 'hh'", diagnostic["message"]!.GetValue<string>());
        Assert.Equal((line, character), TestDocuments.Start(diagnostic["range"]));
        Assert.Equal((line, character + 2), TestDocuments.End(diagnostic["range"]));
    }

    [Fact]
    public async Task AWatchedIncludedFileThatChangesOnDiskIsReread()
    {
        string netPath = _files.Path("net.qn");
        string netUri = _files.Write("net.qn", "network lab { qpu alice { qubits = 4; } }\n");
        string main = "include \"net.qn\";\nprogram p on lab { qubit a @ alice; h a; }\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, main);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));

        File.WriteAllText(netPath, "network lab { qpu carol { qubits = 4; } }\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = netUri, ["type"] = 2 }),
        });
        Assert.Equal("QN2013", Assert.Single(await client.DiagnosticsAsync(uri))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancelRequestEndsARequestThatWaitsForAnAnalysis()
    {
        string uri = _files.Uri("held.qn");
        using var release = new ManualResetEventSlim();
        await using var client = new LspTestClient((document, others, cancellation) =>
        {
            release.Wait(cancellation);
            return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
        });
        await client.InitializeAsync();
        await client.OpenAsync(uri, TestDocuments.Lab);
        // Ids count from 1: initialize was 1, so the hover is 2.
        var hover = client.RequestAsync("textDocument/hover", TestDocuments.At(uri, TestDocuments.Lab, "alice"));
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 2 });
        var response = await hover;
        Assert.Equal(-32800, response["error"]!["code"]!.GetValue<int>());
        release.Set();
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));
    }
}
