using System.Diagnostics;
using System.Text.Json.Nodes;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Worker;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// Editor features of a large document come from the analysis worker: the same answers as the
/// in-process path for the same open buffers, without the server analysing the large document,
/// and a proper answer or error when the worker dies.
/// </summary>
public class WorkerFeatureTests : IDisposable
{
    private const string Net = """
        network lab {
            qpu alice { qubits = 8; t2 = 1 s; }
            repeater mid { memories = 4; }
            endnode sensor;
            link alice -- mid { length = 10 km; }
            link mid -- sensor;
        }

        """;

    /// <summary>Small, open, and also using alice: cross-file requests must see it.</summary>
    private const string Other = """
        include "net.qn";
        program other on lab {
            qubit b @ alice;
            h b;
        }

        """;

    private readonly TestDocuments _files = new();

    public WorkerFeatureTests() => _files.Write("net.qn", Net);

    public void Dispose() => _files.Dispose();

    /// <summary>The large document: longer than the other two (the threshold is its length), with a misspelt gate (a quick fix) and a badly formatted line.</summary>
    private static string LargeText(string firstGate = "hh")
    {
        var body = new System.Text.StringBuilder();
        for (int i = 0; i < 40; i++) body.Append(i % 2 == 0 ? "    cx a, q[0];\n" : "    rz(theta) q[1];\n");
        return $$"""
            include "net.qn";
            program p on lab {
                const angle theta = pi / 4;
                qubit a @ alice;
                qubit[2] q @ alice;
                bit[2] c;
                gate bell(x, y) { h x; cx x, y; }
                bell a, q[0];
                {{firstGate}} q[1];
                for i in 0 .. 2 {   h q[i]; }
            c[0] = measure a;   
                at alice { x a; }

            """ + body + "}\n";
    }


    /// <summary>Opens the three documents in a server and waits for their diagnostics.</summary>
    private async Task<(LspTestClient Client, string Main, string Net, string Other, JsonArray MainDiagnostics)> OpenAsync(LspServerOptions options, string mainText)
    {
        var client = new LspTestClient(options);
        await client.InitializeAsync();
        string main = _files.Uri("main.qn"), net = _files.Uri("net.qn"), other = _files.Uri("other.qn");
        await client.OpenAsync(net, Net);
        await client.OpenAsync(other, Other);
        await client.OpenAsync(main, mainText);
        // Waiting for one document's diagnostics drops the others' that come first: take them as they come.
        var diagnostics = new Dictionary<string, JsonArray>();
        while (diagnostics.Count < 3)
        {
            var message = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", m => m["params"]?["version"]?.GetValue<int>() == 1);
            diagnostics[message["params"]!["uri"]!.GetValue<string>()] = message["params"]!["diagnostics"]!.AsArray();
        }
        return (client, main, net, other, diagnostics[main]);
    }

    /// <summary>Every feature request on the large document (and cross-file ones from a small one), by name.</summary>
    private static List<(string Name, string Method, JsonObject Parameters)> Requests(string main, string net, string other, string mainText, JsonArray mainDiagnostics)
    {
        JsonObject Document(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };
        JsonObject With(JsonObject parameters, string key, JsonNode value)
        {
            parameters[key] = value;
            return parameters;
        }
        var references = new JsonObject { ["includeDeclaration"] = true };
        return
        [
            ("semantic tokens", "textDocument/semanticTokens/full", Document(main)),
            ("document symbols", "textDocument/documentSymbol", Document(main)),
            ("hover on a node", "textDocument/hover", TestDocuments.At(main, mainText, "alice")),
            ("hover on a constant", "textDocument/hover", TestDocuments.At(main, mainText, "theta", 1)),
            ("completion of a node", "textDocument/completion", TestDocuments.At(main, mainText, "alice", 1)),
            ("completion of a statement", "textDocument/completion", TestDocuments.At(main, mainText, "bell a", 0)),
            ("signature help", "textDocument/signatureHelp", TestDocuments.At(main, mainText, "bell a", 0, 5)),
            ("definition in an included file", "textDocument/definition", TestDocuments.At(main, mainText, "alice")),
            ("definition of a gate", "textDocument/definition", TestDocuments.At(main, mainText, "bell", 1)),
            ("references across files", "textDocument/references", With(TestDocuments.At(main, mainText, "alice"), "context", references.DeepClone())),
            ("references from a small document", "textDocument/references", With(TestDocuments.At(other, Other, "alice"), "context", references.DeepClone())),
            ("highlights", "textDocument/documentHighlight", TestDocuments.At(main, mainText, "theta")),
            ("prepare rename", "textDocument/prepareRename", TestDocuments.At(main, mainText, "alice")),
            ("rename across files", "textDocument/rename", With(TestDocuments.At(main, mainText, "alice"), "newName", "carol")),
            ("rename from a small document", "textDocument/rename", With(TestDocuments.At(net, Net, "mid"), "newName", "relay")),
            ("rename refused: a gate", "textDocument/rename", With(TestDocuments.At(main, mainText, "alice"), "newName", "h")),
            ("rename refused: a clash", "textDocument/rename", With(TestDocuments.At(main, mainText, "theta"), "newName", "a")),
            ("code actions", "textDocument/codeAction", With(With(Document(main), "range", mainDiagnostics[0]!["range"]!.DeepClone()), "context", new JsonObject { ["diagnostics"] = mainDiagnostics.DeepClone() })),
            ("formatting", "textDocument/formatting", With(Document(main), "options", new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = true })),
            ("document links", "textDocument/documentLink", Document(main)),
            ("invalid parameters", "textDocument/hover", With(Document(main), "position", "here")),
        ];
    }

    /// <summary>The response without its id: the result, or the error's code and message.</summary>
    private static string Answer(JsonObject response) => response["error"] is { } error
        ? $"error {error["code"]}: {error["message"]}"
        : response["result"]?.ToJsonString() ?? "null";

    private async Task<List<(string Name, string Answer)>> AnswersAsync(LspServerOptions options)
    {
        string mainText = LargeText();
        var (client, main, net, other, diagnostics) = await OpenAsync(options, mainText);
        await using (client)
        {
            var answers = new List<(string, string)> { ("diagnostics", diagnostics.ToJsonString()) };
            foreach (var (name, method, parameters) in Requests(main, net, other, mainText, diagnostics))
                answers.Add((name, Answer(await client.RequestAsync(method, parameters))));
            Assert.Equal(0, await client.ShutdownAndExitAsync());
            return answers;
        }
    }

    private static LspServerOptions WithWorker(List<string>? analysed = null) => new()
    {
        AnalysisWorker = AnalysisWorkerTests.Qnlc(),
        LargeDocumentLength = LargeText().Length,
        Analyze = (document, others, cancellation) =>
        {
            if (analysed is not null) lock (analysed) analysed.Add(document.Uri);
            return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
        },
    };

    [Fact]
    public async Task EveryFeatureOfALargeDocumentGivesTheInProcessAnswer()
    {
        Assert.True(LargeText().Length > Net.Length && LargeText().Length > Other.Length);
        var inProcess = await AnswersAsync(new LspServerOptions());
        var worker = await AnswersAsync(WithWorker());

        // The in-process answers are real ones, so equal answers say something.
        var expected = inProcess.ToDictionary(a => a.Name, a => a.Answer);
        Assert.Contains("QN2003", expected["diagnostics"]);
        Assert.True(JsonNode.Parse(expected["semantic tokens"])!["data"]!.AsArray().Count > 100);
        Assert.Contains("\"name\":\"p\"", expected["document symbols"]);
        Assert.Contains("alice", expected["hover on a node"]);
        Assert.Contains("theta", expected["hover on a constant"]);
        Assert.Contains("\"label\":\"mid\"", expected["completion of a node"]);
        Assert.Contains("\"label\":\"bell\"", expected["completion of a statement"]);
        Assert.Equal("bell x, y", JsonNode.Parse(expected["signature help"])!["signatures"]![0]!["label"]!.GetValue<string>());
        Assert.Contains("net.qn", expected["definition in an included file"]);
        Assert.Contains("main.qn", expected["definition of a gate"]);
        Assert.Contains("other.qn", expected["references across files"]);
        Assert.Contains("main.qn", expected["references from a small document"]);
        Assert.Equal(3, JsonNode.Parse(expected["rename across files"])!["changes"]!.AsObject().Count);
        Assert.Contains("relay", expected["rename from a small document"]);
        Assert.StartsWith("error -32803: ", expected["rename refused: a gate"]);
        Assert.StartsWith("error -32803: ", expected["rename refused: a clash"]);
        Assert.StartsWith("Change 'hh' to ", JsonNode.Parse(expected["code actions"])![0]!["title"]!.GetValue<string>());
        Assert.Contains("newText", expected["formatting"]);
        Assert.Contains("net.qn", expected["document links"]);
        Assert.StartsWith("error -32602: ", expected["invalid parameters"]);

        Assert.Equal(inProcess.Select(a => a.Name), worker.Select(a => a.Name));
        foreach (var ((name, wanted), (_, actual)) in inProcess.Zip(worker))
            Assert.True(wanted == actual, $"{name}: worker {actual}\n!= in-process {wanted}");
    }

    [Fact]
    public async Task TheServerNeverAnalysesTheLargeDocumentItself()
    {
        var analysed = new List<string>();
        string mainText = LargeText();
        var (client, main, net, other, diagnostics) = await OpenAsync(WithWorker(analysed), mainText);
        await using (client)
        {
            foreach (var (name, method, parameters) in Requests(main, net, other, mainText, diagnostics))
                Assert.True((await client.RequestAsync(method, parameters)).ContainsKey("id"), name);

            // Edited as a client does: diagnostics, then semantic tokens and the outline of the new text.
            string edited = LargeText(firstGate: "h ");
            await client.ChangeAsync(main, edited, 2);
            Assert.Empty(await client.DiagnosticsAsync(main, 2));
            var tokens = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = main } });
            Assert.NotEmpty(tokens!["data"]!.AsArray());
            var hover = await client.ResultAsync("textDocument/hover", TestDocuments.At(main, edited, "h ", 0));
            Assert.Contains("Hadamard", hover!["contents"]!["value"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

            lock (analysed)
            {
                Assert.DoesNotContain(main, analysed);
                // The small documents still are (their diagnostics): the hook does see analyses.
                Assert.Contains(net, analysed);
                Assert.Contains(other, analysed);
            }
        }
    }

    [Fact]
    public async Task WithoutAWorkerTheLargeDocumentIsAnalysedInProcessAsBefore()
    {
        // `qnlc lsp --in-process`: no worker, every document analysed in the server.
        var analysed = new List<string>();
        var options = WithWorker(analysed) with { AnalysisWorker = null };
        string mainText = LargeText();
        var (client, main, _, _, _) = await OpenAsync(options, mainText);
        await using (client)
        {
            Assert.Contains("alice", (await client.ResultAsync("textDocument/hover", TestDocuments.At(main, mainText, "alice")))!["contents"]!["value"]!.GetValue<string>());
            lock (analysed) Assert.Contains(main, analysed);
        }
    }

    [Fact]
    public async Task AWorkerKilledBetweenRequestsIsReplacedAndTheAnalysisMadeAgain()
    {
        // The worker through a shell that records each worker's process id before becoming it.
        string pids = _files.Path("pids.txt");
        var qnlc = AnalysisWorkerTests.Qnlc();
        var launch = new AnalysisWorkerLaunch("/bin/sh", ["-c", $"echo $$ >> '{pids}'; exec \"$0\" \"$@\"", qnlc.FileName, .. qnlc.Arguments]);
        string mainText = LargeText();
        var (client, main, _, _, _) = await OpenAsync(WithWorker() with { AnalysisWorker = launch }, mainText);
        await using (client)
        {
            var symbols = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = main } };
            string before = (await client.ResultAsync("textDocument/documentSymbol", symbols.DeepClone()))!.ToJsonString();
            int first = int.Parse(Assert.Single(File.ReadAllLines(pids)), System.Globalization.CultureInfo.InvariantCulture);
            using (var process = Process.GetProcessById(first))
            {
                process.Kill();
                Assert.True(process.WaitForExit(10_000));
            }

            // The new worker does not have the analysis; the server sends the text again.
            string after = (await client.ResultAsync("textDocument/documentSymbol", symbols.DeepClone()))!.ToJsonString();
            Assert.Equal(before, after);
            Assert.Equal(2, File.ReadAllLines(pids).Length);
        }
    }

    [Fact]
    public async Task AWorkerThatDiesOnEveryAttemptGivesAnErrorNotAHang()
    {
        var options = WithWorker() with { AnalysisWorker = new AnalysisWorkerLaunch("/bin/sh", ["-c", "exit 3"]) };
        string mainText = LargeText();
        var (client, main, _, _, diagnostics) = await OpenAsync(options, mainText);
        await using (client)
        {
            Assert.StartsWith("internal compiler error: the analysis worker failed twice", Assert.Single(diagnostics)!["message"]!.GetValue<string>());
            foreach (var method in new[] { "textDocument/semanticTokens/full", "textDocument/documentSymbol" })
            {
                var response = await client.RequestAsync(method, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = main } });
                Assert.Equal(-32603, response["error"]?["code"]?.GetValue<int>());
                Assert.Contains("the analysis worker failed twice", response["error"]!["message"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task AFeatureRequestTheWorkerDiesOnTwiceGetsAnInternalError()
    {
        // The analysis was made (by a worker since gone); each new worker dies under the request.
        await using var worker = new AnalysisWorkerClient(new AnalysisWorkerLaunch("/bin/sh", ["-c", "exit 3"]), TextWriter.Null);
        var document = new OpenDocument(_files.Uri("lab.qn"), _files.Path("lab.qn"), TestDocuments.Lab, 1);
        var analysis = new RemoteAnalysis(1, document, new Dictionary<string, string>(), new DocumentDiagnostics([], new HashSet<string>()), null);
        var parameters = System.Text.Json.JsonSerializer.SerializeToElement(new { textDocument = new { uri = document.Uri } });
        var error = await Assert.ThrowsAsync<StreamJsonRpc.LocalRpcException>(() =>
            worker.AnswerAsync("textDocument/documentSymbol", parameters, [analysis], CancellationToken.None).WaitAsync(LspTestClient.Timeout));
        Assert.Equal(-32603, error.ErrorCode);
        Assert.Contains("failed twice", error.Message);
        Assert.Equal(2, worker.StartedCount);
    }

    [Fact]
    public async Task TheWorkerKeepsOnlyTheLatestAnalysisOfAnOpenDocument()
    {
        var cache = new AnalysisCache();
        string uri = _files.Uri("lab.qn"), path = _files.Path("lab.qn");
        WorkerDocument Version(long id, string? text) => new(id, uri, path, (int)id, text, new Dictionary<string, string>());
        var (_, first) = await cache.AnalyzeAsync(Version(1, TestDocuments.Lab), CancellationToken.None);
        var (_, again) = await cache.AnalyzeAsync(Version(1, null), CancellationToken.None);
        Assert.Same(first, again); // named by id, not analysed again
        await cache.AnalyzeAsync(Version(2, TestDocuments.Lab.Replace("theta", "phi")), CancellationToken.None);
        Assert.Equal(1, cache.Count);

        var unknown = await Assert.ThrowsAsync<StreamJsonRpc.LocalRpcException>(() => cache.AnalyzeAsync(Version(1, null), CancellationToken.None));
        Assert.Equal(WorkerProtocol.UnknownAnalysis, unknown.ErrorCode);
        // An older text sent again is analysed for its caller but does not replace the latest.
        await cache.AnalyzeAsync(Version(1, TestDocuments.Lab), CancellationToken.None);
        Assert.Contains("phi", (await cache.AnalyzeAsync(Version(2, null), CancellationToken.None)).Analysis.Source.Text);

        cache.Close(uri);
        Assert.Equal(0, cache.Count);
    }
}
