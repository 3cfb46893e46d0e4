using System.Diagnostics;
using System.Text.Json;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.LanguageServer.Worker;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// The analysis worker (`qnlc lsp --analysis-worker`), the process large documents are analysed
/// in: its diagnostics equal the in-process analysis', it is restarted when it dies, and a large
/// document keeps its diagnostics and its editor features.
/// </summary>
public class AnalysisWorkerTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The built qnlc in worker mode, through the dotnet host as the tests run it.</summary>
    public static AnalysisWorkerLaunch Qnlc()
    {
        string qnlc = Path.Combine(AppContext.BaseDirectory, "qnlc.dll");
        Assert.True(File.Exists(qnlc), $"{qnlc} is missing");
        return new AnalysisWorkerLaunch(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [qnlc, "lsp", "--analysis-worker"]);
    }

    /// <summary>Every example and every diagnostics golden case, relative to the repository.</summary>
    private static IEnumerable<string> Inputs()
    {
        string root = RepoRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.qn")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "cases", "diagnostics"), "*.qn"))
            .Select(file => Path.GetRelativePath(root, file))
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public async Task TheWorkersDiagnosticsEqualTheInProcessAnalysisForEveryExampleAndDiagnosticCase()
    {
        // One worker for all inputs, as the server uses it (a theory would start one per file).
        await using var worker = new AnalysisWorkerClient(Qnlc(), TextWriter.Null);
        string root = RepoRoot();
        int withDiagnostics = 0;
        foreach (string relative in Inputs())
        {
            string path = Path.Combine(root, relative);
            string text = File.ReadAllText(path);
            var document = new OpenDocument(new Uri(path).AbsoluteUri, path, text, 1);
            var expected = DocumentDiagnostics.From(DocumentAnalyzer.Analyze(document.Uri, path, text, new Dictionary<string, string>()));
            var actual = await worker.DiagnoseAsync(document, new Dictionary<string, string>(), CancellationToken.None);
            Assert.True(Json(expected.Diagnostics) == Json(actual.Diagnostics), $"{relative}: worker {Json(actual.Diagnostics)} != in-process {Json(expected.Diagnostics)}");
            Assert.Equal(expected.LoadedPaths.Order(StringComparer.Ordinal), actual.LoadedPaths.Order(StringComparer.Ordinal));
            if (expected.Diagnostics.Count > 0) withDiagnostics++;
        }
        Assert.True(withDiagnostics > 50, $"only {withDiagnostics} inputs had diagnostics");
        Assert.Equal(1, worker.StartedCount);
    }

    [Fact]
    public async Task OpenBuffersStandInForTheirFilesInTheWorker()
    {
        string net = _files.Write("net.qn", "network lab { qpu alice { qubits = 4; } }\n");
        string main = _files.Path("main.qn");
        var document = new OpenDocument(new Uri(main).AbsoluteUri, main, "include \"net.qn\";\nprogram p on lab { qubit a @ alice; h a; }\n", 1);
        await using var worker = new AnalysisWorkerClient(Qnlc(), TextWriter.Null);

        var fromDisk = await worker.DiagnoseAsync(document, new Dictionary<string, string>(), CancellationToken.None);
        Assert.Empty(fromDisk.Diagnostics);
        Assert.Contains(_files.Path("net.qn"), fromDisk.LoadedPaths);

        var edited = new Dictionary<string, string> { [_files.Path("net.qn")] = "network lab { qpu carol { qubits = 4; } }\n" };
        var fromBuffer = await worker.DiagnoseAsync(document, edited, CancellationToken.None);
        Assert.Equal("QN2013", Assert.Single(fromBuffer.Diagnostics).Code);
        _ = net;
    }

    [Fact]
    public async Task AKilledWorkerIsRestartedAndTheNextDocumentIsAnalysed()
    {
        await using var worker = new AnalysisWorkerClient(Qnlc(), TextWriter.Null);
        var document = new OpenDocument(_files.Uri("lab.qn"), _files.Path("lab.qn"), TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];"), 1);
        Assert.Equal("QN2003", Assert.Single((await worker.DiagnoseAsync(document, new Dictionary<string, string>(), CancellationToken.None)).Diagnostics).Code);

        int first = worker.ProcessId ?? throw new InvalidOperationException("no worker running");
        using (var process = Process.GetProcessById(first))
        {
            process.Kill();
            Assert.True(process.WaitForExit(10_000));
        }

        Assert.Equal("QN2003", Assert.Single((await worker.DiagnoseAsync(document, new Dictionary<string, string>(), CancellationToken.None)).Diagnostics).Code);
        Assert.Equal(2, worker.StartedCount);
        Assert.NotEqual(first, worker.ProcessId);
    }

    [Fact]
    public async Task AWorkerKilledDuringAnAnalysisIsReplacedAndTheAnalysisRetried()
    {
        var log = new StringWriter();
        await using var worker = new AnalysisWorkerClient(Qnlc(), TextWriter.Synchronized(log));
        var small = new OpenDocument(_files.Uri("small.qn"), _files.Path("small.qn"), TestDocuments.Lab, 1);
        await worker.DiagnoseAsync(small, new Dictionary<string, string>(), CancellationToken.None); // started and warm
        int first = worker.ProcessId!.Value;

        var large = new OpenDocument(_files.Uri("large.qn"), _files.Path("large.qn"), LargeProgram(20_000, "hh"), 1);
        var analysing = worker.DiagnoseAsync(large, new Dictionary<string, string>(), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(analysing.IsCompleted, "the large analysis finished before the worker could be killed");
        using (var process = Process.GetProcessById(first)) process.Kill();

        var diagnostics = (await analysing.WaitAsync(LspTestClient.Timeout)).Diagnostics;
        Assert.Equal("QN2003", diagnostics[0].Code);
        Assert.Equal(2, worker.StartedCount);
        Assert.Contains("starting a new one", log.ToString());
    }

    [Fact]
    public async Task AWorkerThatDiesOnEveryAttemptGivesTheDocumentAnInternalErrorDiagnostic()
    {
        // A program that exits at once stands for a worker the document kills every time.
        await using var worker = new AnalysisWorkerClient(new AnalysisWorkerLaunch("/bin/sh", ["-c", "exit 3"]), TextWriter.Null);
        var document = new OpenDocument(_files.Uri("lab.qn"), _files.Path("lab.qn"), TestDocuments.Lab, 1);
        var diagnostic = Assert.Single((await worker.DiagnoseAsync(document, new Dictionary<string, string>(), CancellationToken.None).WaitAsync(LspTestClient.Timeout)).Diagnostics);
        Assert.Equal(LspSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("internal compiler error: the analysis worker failed twice on this document", diagnostic.Message);
        Assert.Equal(2, worker.StartedCount);
    }

    [Fact]
    public async Task ACancelledAnalysisStopsWithoutAnswer()
    {
        await using var worker = new AnalysisWorkerClient(Qnlc(), TextWriter.Null);
        var large = new OpenDocument(_files.Uri("large.qn"), _files.Path("large.qn"), LargeProgram(20_000, "h"), 1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker.DiagnoseAsync(large, new Dictionary<string, string>(), cancel.Token));
        // The connection is still good for the next document.
        var small = new OpenDocument(_files.Uri("small.qn"), _files.Path("small.qn"), TestDocuments.Lab, 1);
        Assert.Empty((await worker.DiagnoseAsync(small, new Dictionary<string, string>(), CancellationToken.None)).Diagnostics);
        Assert.Equal(1, worker.StartedCount);
    }

    [Fact]
    public async Task ALargeDocumentsDiagnosticsAndFeaturesComeFromTheWorker()
    {
        string large = _files.Uri("large.qn");
        string small = _files.Uri("small.qn");
        string largeText = TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];");
        var analysed = new List<string>();
        await using var client = new LspTestClient(new LspServerOptions
        {
            AnalysisWorker = Qnlc(),
            LargeDocumentLength = largeText.Length,
            Analyze = (document, others, cancellation) =>
            {
                lock (analysed) analysed.Add(document.Uri);
                return DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation);
            },
        });
        await client.InitializeAsync();
        await client.OpenAsync(large, largeText);
        Assert.Equal("QN2003", Assert.Single(await client.DiagnosticsAsync(large, 1))!["code"]!.GetValue<string>());
        await client.OpenAsync(small, "network n { qpu a { qubits = 1; } }\nprogram s on n { qubit x @ a; rz(1, 2) x; }\n");
        Assert.Equal("QN2005", Assert.Single(await client.DiagnosticsAsync(small, 1))!["code"]!.GetValue<string>());
        lock (analysed) Assert.Equal([small], analysed); // the large document was not analysed in-process

        // Its editor features come from the worker's analysis too (WorkerFeatureTests has them all).
        var hover = await client.ResultAsync("textDocument/hover", TestDocuments.At(large, largeText, "alice", 1));
        Assert.Contains("alice", hover!["contents"]!["value"]!.GetValue<string>());
        lock (analysed) Assert.Equal([small], analysed);

        // Edited, it is analysed by the worker again.
        await client.ChangeAsync(large, largeText.Replace("hh q[1];", "h q[1]; "), 2);
        Assert.Empty(await client.DiagnosticsAsync(large, 2));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task EditingAFileALargeDocumentIncludesAnalysesItAgain()
    {
        string netText = "network lab { qpu alice { qubits = 4; } }\n";
        string net = _files.Write("net.qn", netText);
        string main = _files.Uri("main.qn");
        string mainText = "include \"net.qn\";\nprogram p on lab { qubit a @ alice; h a; }\n";
        await using var client = new LspTestClient(new LspServerOptions { AnalysisWorker = Qnlc(), LargeDocumentLength = mainText.Length });
        await client.InitializeAsync();
        await client.OpenAsync(main, mainText);
        Assert.Empty(await client.DiagnosticsAsync(main, 1));

        // net.qn is small (analysed in-process); main.qn's worker analysis loaded it, so it is redone.
        await client.OpenAsync(net, netText.Replace("alice", "carol"));
        Assert.Equal("QN2013", Assert.Single(await client.DiagnosticsAsync(main, 1))!["code"]!.GetValue<string>());
    }

    /// <summary>A clean program of about <paramref name="gates"/> lines whose first gate is <paramref name="firstGate"/> (an unknown one gives QN2003).</summary>
    private static string LargeProgram(int gates, string firstGate)
    {
        var body = new System.Text.StringBuilder();
        body.Append("    ").Append(firstGate).Append(" q[0];\n");
        for (int i = 1; i < gates; i++) body.Append(i % 2 == 0 ? "    h q[1];\n" : "    cx q[0], q[1];\n");
        return $"network lab {{ qpu alice {{ qubits = 4; }} }}\nprogram big on lab {{\n    qubit[2] q @ alice;\n{body}}}\n";
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ParameterReader.Options);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
