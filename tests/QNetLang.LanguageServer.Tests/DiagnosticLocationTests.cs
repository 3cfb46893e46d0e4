namespace QNetLang.LanguageServer.Tests;

/// <summary>Diagnostics where the mistake is: missing tokens, characters outside the BMP, errors in included files, documentation links.</summary>
public class DiagnosticLocationTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AMissingSemicolonIsReportedAtTheEndOfTheLineItIsMissingFrom()
    {
        string text = TestDocuments.Lab.Replace("bit[2] c;", "bit[2] c");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("semicolon.qn");
        await client.OpenAsync(uri, text);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
        var (line, character) = TestDocuments.Find(text, "bit[2] c");
        Assert.Equal((line, character + "bit[2] c".Length), TestDocuments.Start(diagnostic["range"]));
        Assert.Equal((line, character + "bit[2] c".Length), TestDocuments.End(diagnostic["range"]));
    }

    [Fact]
    public async Task AnEmojiIsOneCharacterInTheRangeAndTheMessage()
    {
        string text = TestDocuments.Lab.Replace("bit[2] c;", "bit[2] c; \U0001F680");
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("emoji.qn");
        await client.OpenAsync(uri, text);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
        Assert.Equal("unexpected character '\U0001F680'", diagnostic["message"]!.GetValue<string>());
        var (line, character) = TestDocuments.Find(text, "\U0001F680");
        Assert.Equal((line, character), TestDocuments.Start(diagnostic["range"]));
        Assert.Equal((line, character + 2), TestDocuments.End(diagnostic["range"])); // two UTF-16 code units: the whole pair
    }

    [Fact]
    public async Task AnErrorInAnIncludedFileLinksToWhereItIsAndToItsDocumentation()
    {
        string net = "network lab {\n    qpu alice { qubits = 4; colour = 1; }\n}\n";
        string netUri = _files.Write("net.qn", net);
        string main = "include \"net.qn\";\nprogram p on lab { qubit a @ alice; }\n";
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        string uri = _files.Uri("main.qn");
        await client.OpenAsync(uri, main);
        var diagnostic = Assert.Single(await client.DiagnosticsAsync(uri, 1))!;
        Assert.Equal((0, 0), TestDocuments.Start(diagnostic["range"])); // on the include line
        var related = Assert.Single(diagnostic["relatedInformation"]!.AsArray())!;
        Assert.Equal(netUri, related["location"]!["uri"]!.GetValue<string>());
        Assert.Equal(TestDocuments.Find(net, "colour"), TestDocuments.Start(related["location"]!["range"]));
        string href = diagnostic["codeDescription"]!["href"]!.GetValue<string>();
        Assert.EndsWith("diagnostics.md#qn2010--unknown-property", href);
        Assert.True(File.Exists(new Uri(href).LocalPath));
        Assert.Contains("### QN2010 — Unknown property", File.ReadAllText(new Uri(href).LocalPath));
    }
}
