using System.Text.Json.Nodes;
using QNetLang.Compiler;

namespace QNetLang.LanguageServer.Tests;

/// <summary>textDocument/publishDiagnostics: the same diagnostics as `qnlc check`, as you type.</summary>
public class DiagnosticsTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task CleanProgramPublishesNoDiagnostics()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("lab.qn");
        await client.OpenAsync(uri, TestDocuments.Lab);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));
    }

    [Fact]
    public async Task UnknownGateGivesOneDiagnosticWithItsRangeCodeAndSeverity()
    {
        string text = TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("bad.qn");
        await client.OpenAsync(uri, text);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
        Assert.Equal("QN2003", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(1, diagnostic["severity"]!.GetValue<int>());
        Assert.Equal("qnlc", diagnostic["source"]!.GetValue<string>());
        Assert.Equal("unknown gate 'hh'", diagnostic["message"]!.GetValue<string>());
        var (line, character) = TestDocuments.Find(text, "hh q[1]");
        Assert.Equal((line, character), TestDocuments.Start(diagnostic["range"]));
        Assert.Equal((line, character + 2), TestDocuments.End(diagnostic["range"]));
    }

    [Theory]
    [InlineData("rz(theta) q[1];", "hh q[1];")]                       // QN2003
    [InlineData("qubit a @ alice;", "qubit a @ nowhere;")]             // QN2013
    [InlineData("bit[2] c;", "bit[2] c")]                              // QN1003
    [InlineData("t2 = 1 s;", "t2 = 1 km;")]                            // QN2009
    [InlineData("c[0] = measure a;", "c[5] = measure a;")]             // QN2006, found by lowering
    [InlineData("qubit[2] q @ alice;", "qubit[9] q @ alice;")]         // QN2015, capacity
    public async Task DiagnosticsAreThoseOfQnlcCheck(string find, string replace)
    {
        string text = TestDocuments.Lab.Replace(find, replace);
        Assert.NotEqual(TestDocuments.Lab, text);
        string path = _files.Path("check.qn");
        File.WriteAllText(path, text);
        var expected = QnCompiler.Compile(path, new CompilationOptions { RequireProgram = false }).Diagnostics.Items;
        Assert.NotEmpty(expected);

        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("check.qn");
        await client.OpenAsync(uri, text);
        var published = await client.DiagnosticsAsync(uri, 1);

        Assert.Equal(
            expected.Select(d => (d.Code, d.Message, d.Location.Source!.GetLineColumn(d.Location.Span.Start))),
            published.Select(p => (p!["code"]!.GetValue<string>(), p["message"]!.GetValue<string>(), Plus1(TestDocuments.Start(p["range"])))));
    }

    private static (int, int) Plus1((int Line, int Character) p) => (p.Line + 1, p.Character + 1);

    [Fact]
    public async Task FixingTheErrorClearsItAndClosingClearsEverything()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("edit.qn");
        await client.OpenAsync(uri, TestDocuments.Lab.Replace("h q[i];", "h q[i]"));
        Assert.Single(await client.DiagnosticsAsync(uri, 1));
        await client.ChangeAsync(uri, TestDocuments.Lab, 2);
        Assert.Empty(await client.DiagnosticsAsync(uri, 2));
        await client.ChangeAsync(uri, TestDocuments.Lab.Replace("bell a, q[0];", "bell a;"), 3);
        Assert.Equal("QN2004", Assert.Single(await client.DiagnosticsAsync(uri, 3))!["code"]!.GetValue<string>());

        await client.CloseAsync(uri);
        var cleared = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", m => m["params"]!["version"] is null);
        Assert.Equal(uri, cleared["params"]!["uri"]!.GetValue<string>());
        Assert.Empty(cleared["params"]!["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task OlderVersionsAreIgnored()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("versions.qn");
        await client.OpenAsync(uri, TestDocuments.Lab, version: 5);
        Assert.Empty(await client.DiagnosticsAsync(uri, 5));
        await client.ChangeAsync(uri, "garbage garbage", 4);
        var symbols = (await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!.AsArray();
        Assert.Equal(["lab", "p"], symbols.Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ErrorsInAnIncludedFileAreShownOnTheIncludeLine()
    {
        _files.Write("net.qn", "network lab { qpu alice { qubits = 4; colour = 3; } }\n");
        string text = "// uses the lab\ninclude \"net.qn\";\nprogram p on lab { qubit a @ alice; h a; }\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, text);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
        Assert.Equal("QN2010", diagnostic["code"]!.GetValue<string>());
        Assert.Equal((1, 0), TestDocuments.Start(diagnostic["range"]));
        Assert.Contains("net.qn(1,39)", diagnostic["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnsavedBufferOfAnIncludedFileIsUsedAndItsDependentsAreRechecked()
    {
        string netText = "network lab { qpu alice { qubits = 4; } }\n";
        string netUri = _files.Write("net.qn", netText);
        string mainText = "include \"net.qn\";\nprogram p on lab { qubit a @ alice; h a; }\n";
        string mainUri = _files.Write("main.qn", mainText);
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        await client.OpenAsync(netUri, netText);
        await client.OpenAsync(mainUri, mainText);
        Assert.Empty(await client.DiagnosticsAsync(mainUri, 1));

        // Rename the node in the unsaved buffer: main.qn, untouched, now refers to a missing node.
        await client.ChangeAsync(netUri, netText.Replace("alice", "carol"), 2);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(mainUri))!;
        Assert.Equal("QN2013", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(TestDocuments.Find(mainText, "alice"), TestDocuments.Start(diagnostic["range"]));

        // Closing the buffer without saving: main.qn reads the file on disk again.
        await client.CloseAsync(netUri);
        Assert.Empty(await client.DiagnosticsAsync(mainUri));
    }

    [Theory]
    [InlineData("")]                                               // QN1005
    [InlineData("network lab { qpu a { qubits = 1; }")]            // missing brace at the end
    [InlineData("/* never closed")]                                // QN1009
    [InlineData("program p on nowhere { \"unterminated }")]        // QN1010
    [InlineData("\u0001\u0002 ### \uFFFD garbage ;;; }}} {{{ ")]   // bad characters
    [InlineData("include \"does/not/exist.qn\";")]                 // QN1004
    [InlineData("include \"self.qn\";")]                           // QN1007: includes itself
    public async Task DocumentsThatDoNotParseGetDiagnosticsAndEveryRequestStillAnswers(string text)
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("self.qn");
        await client.OpenAsync(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.StartsWith("QN1", d!["code"]!.GetValue<string>()));
        for (int character = 0; character <= text.Length + 1; character += 3)
        {
            await client.ResultAsync("textDocument/hover", LspTestClient.At(uri, 0, character));
            await client.ResultAsync("textDocument/definition", LspTestClient.At(uri, 0, character));
        }
        await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task AnExceptionInTheCompilerBecomesADiagnostic()
    {
        // A NUL in an include path makes Path.GetFullPath throw inside the loader (an internal
        // error of `qnlc check` at the time of writing); the server must report and carry on.
        string text = "include \"a\u0000b.qn\";\nnetwork n { qpu a { qubits = 1; } }\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("nul.qn");
        await client.OpenAsync(uri, text);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
        string message = diagnostic["message"]!.GetValue<string>();
        Assert.True(message.StartsWith("internal compiler error", StringComparison.Ordinal) || diagnostic["code"]?.GetValue<string>() == "QN1004", message);
        await client.ChangeAsync(uri, TestDocuments.Lab, 2);
        Assert.Empty(await client.DiagnosticsAsync(uri, 2));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task NestingPastTheLimitIsADiagnosticNotACrash()
    {
        string text = "program p on n { " + string.Concat(Enumerable.Repeat("{ ", 5000)) + string.Concat(Enumerable.Repeat("} ", 5000)) + "}";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("deep.qn");
        await client.OpenAsync(uri, text);
        Assert.Contains(await client.DiagnosticsAsync(uri, 1), d => d!["code"]!.GetValue<string>() == "QN1006");
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}
