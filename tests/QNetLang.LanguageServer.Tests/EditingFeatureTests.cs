using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>Completion, signature help, code actions and formatting, over JSON-RPC.</summary>
public class EditingFeatureTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task InitializeAdvertisesEveryFeature()
    {
        await using var client = new LspTestClient();
        var capabilities = (await client.InitializeAsync())["result"]!["capabilities"]!;
        Assert.Equal(2, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        foreach (string name in new[] { "completionProvider", "signatureHelpProvider", "referencesProvider", "documentHighlightProvider", "renameProvider",
                     "documentFormattingProvider", "codeActionProvider", "documentLinkProvider", "semanticTokensProvider" })
            Assert.True(capabilities[name] is not null, $"{name} is not advertised");
        Assert.True(capabilities["renameProvider"]!["prepareProvider"]!.GetValue<bool>());
    }

    private async Task<List<string>> LabelsAsync(string text, string word, int occurrence = 0, int offsetInWord = 0)
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("complete.qn");
        await client.OpenAsync(uri, text);
        var result = await client.ResultAsync("textDocument/completion", TestDocuments.At(uri, text, word, occurrence, offsetInWord));
        return result!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task CompletesGatesAliasesKeywordsAndNamesInScopeInAProgram()
    {
        string text = TestDocuments.Lab.Replace("CX a, q[1];", "CX a, q[1];\n    c");
        var labels = await LabelsAsync(text, "    c\n", 0, 5);
        Assert.Contains("cx", labels);
        Assert.Contains("crz", labels);
        Assert.Contains("c", labels);        // the bit register
        Assert.Contains("const", labels);    // keyword
        Assert.Contains("cos", labels);      // built-in function
        Assert.DoesNotContain("h", labels);  // does not start with the typed prefix
        Assert.Equal(labels.OrderBy(l => l, StringComparer.Ordinal).Count(), labels.Distinct().Count());

        var all = await LabelsAsync(TestDocuments.Lab.Replace("CX a, q[1];", "CX a, q[1];\n    "), "    \n", 0, 4);
        Assert.Contains("CX", all);          // an alias
        Assert.Contains("bell", all);        // a user gate
        Assert.Contains("theta", all);
        Assert.Contains("measure", all);
        Assert.DoesNotContain("qpu", all);
    }

    [Theory]
    [InlineData("for i in 0 .. 2 { h q[i]; }", "for k in 0 .. 2 { h q[k];\n    \n    }", "    \n    }")]          // a blank line in the loop
    [InlineData("for i in 0 .. 2 { h q[i]; }", "for k in 0 .. 2 { h q[k];\n    cx \n    }", "    cx \n    }")]    // a call half typed
    public async Task CompletesTheNamesTheBinderSeesInALoopAndAGateBody(string find, string replace, string caretLine)
    {
        string text = TestDocuments.Lab.Replace(find, replace);
        var inLoop = await LabelsAsync(text, caretLine, 0, caretLine.IndexOf('\n'));
        Assert.Contains("k", inLoop);
        Assert.Contains("q", inLoop);
        Assert.Contains("bell", inLoop);

        var inGate = await LabelsAsync(text, "cx x, y; }", 0, "cx x, y; ".Length);
        Assert.Contains("x", inGate);
        Assert.Contains("theta", inGate);    // constants are visible in a gate body
        Assert.DoesNotContain("q", inGate);  // registers are not
        Assert.DoesNotContain("a", inGate);
        Assert.DoesNotContain("k", inGate);
        Assert.DoesNotContain("bell", inGate);  // a gate cannot call itself
    }

    [Fact]
    public async Task ANameInScopeWinsOverACatalogGateOfTheSameName()
    {
        // The Lab's loop variable is `i`, which is also the identity gate of the catalog.
        string text = TestDocuments.Lab.Replace("h q[i]; }", "h q[i];\n    i\n    }");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("complete.qn");
        await client.OpenAsync(uri, text);
        var result = await client.ResultAsync("textDocument/completion", TestDocuments.At(uri, text, "    i\n", 0, 5));
        var item = Assert.Single(result!["items"]!.AsArray(), i => i!["label"]!.GetValue<string>() == "i");
        Assert.Equal("loop variable", item!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CompletesNodeNamesAfterPinsAndLinks()
    {
        Assert.Equal(["alice", "mid", "sensor"], await LabelsAsync(TestDocuments.Lab, "@ alice", 0, 2));
        Assert.Equal(["mid"], await LabelsAsync(TestDocuments.Lab, "mid -- sensor", 0, 1));
        Assert.Equal(["alice"], await LabelsAsync(TestDocuments.Lab, "at alice", 0, 4));
    }

    [Fact]
    public async Task CompletesPropertiesOfTheEnclosingBlockAndUnitsAfterNumbers()
    {
        var qpu = await LabelsAsync(TestDocuments.Lab, "qubits = 4", 0, 0);
        Assert.Contains("qubits", qpu);
        Assert.Contains("t2", qpu);
        Assert.DoesNotContain("length", qpu);
        Assert.DoesNotContain("memories", qpu);

        var link = await LabelsAsync(TestDocuments.Lab, "length = 10", 0, 0);
        Assert.Contains("length", link);
        Assert.Contains("loss", link);
        Assert.DoesNotContain("qubits", link);

        var units = await LabelsAsync(TestDocuments.Lab, "10 km", 0, 3);
        Assert.Contains("km", units);
        Assert.Contains("ms", units);
        Assert.DoesNotContain("qubits", units);

        Assert.Empty(await LabelsAsync(TestDocuments.Lab.Replace("qubit a @ alice;", "qubit a @ alice; // pin it h"), "pin it h", 0, 8));
    }

    [Fact]
    public async Task PropertyCompletionsSayWhatTheValueIs()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("detail.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        var items = (await client.ResultAsync("textDocument/completion", TestDocuments.At(uri, TestDocuments.Lab, "length = 10")))!["items"]!.AsArray();
        var length = items.Single(i => i!["label"]!.GetValue<string>() == "length")!;
        Assert.Contains("length", length["detail"]!.GetValue<string>());
        Assert.Equal("length = ", length["insertText"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("rz(theta) q[1];", "rz(", 3, "rz(a0) q0", 0)]
    [InlineData("rz(theta) q[1];", "rz(theta) ", 10, "rz(a0) q0", 1)]
    [InlineData("bell a, q[0];", "bell a, ", 8, "bell x, y", 1)]
    public async Task SignatureHelpMarksTheArgumentBeingTyped(string statement, string typed, int caret, string label, int active)
    {
        string text = TestDocuments.Lab.Replace(statement, typed);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("signature.qn");
        await client.OpenAsync(uri, text);
        var help = await client.ResultAsync("textDocument/signatureHelp", TestDocuments.At(uri, text, typed, 0, caret));
        Assert.NotNull(help);
        Assert.Equal(label, help!["signatures"]![0]!["label"]!.GetValue<string>());
        Assert.Equal(active, help["activeParameter"]!.GetValue<int>());
        var range = help["signatures"]![0]!["parameters"]![active]!["label"]!.AsArray();
        Assert.Equal(label[range[0]!.GetValue<int>()..range[1]!.GetValue<int>()], active == 0 && label.StartsWith("rz") ? "a0" : active == 1 && label.StartsWith("rz") ? "q0" : "y");
    }

    [Theory]
    [InlineData("rz(theta) q[1];", "swapp q[1], a;", "Change 'swapp' to 'swap'", "swap")]   // gate
    [InlineData("t2 = 1 s;", "tt2 = 1 s;", "Change 'tt2' to 't2'", "t2")]                      // property
    [InlineData("qubit a @ alice;", "qubit a @ alcie;", "Change 'alcie' to 'alice'", "alice")] // node
    [InlineData("length = 10 km;", "length = 10 kn;", "Change 'kn' to 'km'", "km")]            // unit
    [InlineData("repeater mid", "repeatr mid", "Change 'repeatr' to 'repeater'", "repeater")] // keyword
    public async Task QuickFixesSuggestTheNearestName(string find, string replace, string title, string newText)
    {
        string text = TestDocuments.Lab.Replace(find, replace);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("fix.qn");
        await client.OpenAsync(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        Assert.NotEmpty(diagnostics);
        var actions = (await client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = diagnostics[0]!["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostics.DeepClone() },
        }))!.AsArray();
        var fix = actions.FirstOrDefault(a => a!["title"]!.GetValue<string>() == title);
        Assert.True(fix is not null, string.Join(" | ", actions.Select(a => a!["title"]) ) + " / " + diagnostics.ToJsonString());
        Assert.Equal("quickfix", fix!["kind"]!.GetValue<string>());
        Assert.True(fix["isPreferred"]!.GetValue<bool>());
        Assert.Equal(newText, fix["edit"]!["changes"]![uri]![0]!["newText"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormattingReplacesTheTextOnlyWhenItChanges()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("format.qn");
        await client.OpenAsync(uri, "network n {\nqpu a;   \n}\n");
        var edits = (await client.ResultAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["options"] = new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = true },
        }))!.AsArray();
        Assert.Equal("network n {\n    qpu a;\n}\n", Assert.Single(edits)!["newText"]!.GetValue<string>());

        string clean = _files.Uri("clean.qn");
        await client.OpenAsync(clean, TestDocuments.Lab + "\n");
        Assert.Empty((await client.ResultAsync("textDocument/formatting", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = clean } }))!.AsArray());
    }
}
