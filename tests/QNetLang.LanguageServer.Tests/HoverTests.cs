using QNetLang.Ir;
using QNetLang.Semantics;

namespace QNetLang.LanguageServer.Tests;

/// <summary>textDocument/hover: gates from the catalog, nodes with their bound properties, names.</summary>
public class HoverTests : IAsyncLifetime, IDisposable
{
    private readonly TestDocuments _files = new();
    private readonly LspTestClient _client = new();
    private string _uri = "";

    public async Task InitializeAsync()
    {
        await _client.InitializeAsync();
        _uri = _files.Uri("lab.qn");
        await _client.OpenAsync(_uri, TestDocuments.Lab);
        Assert.Empty(await _client.DiagnosticsAsync(_uri, 1));
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    public void Dispose() => _files.Dispose();

    private async Task<string?> HoverAsync(string word, int occurrence = 0, int offsetInWord = 0)
    {
        var result = await _client.ResultAsync("textDocument/hover", TestDocuments.At(_uri, TestDocuments.Lab, word, occurrence, offsetInWord));
        return result?["contents"]?["value"]?.GetValue<string>();
    }

    [Fact]
    public async Task BuiltinGateShowsCatalogDocArityAndParameters()
    {
        string hover = (await HoverAsync("rz(theta)"))!;
        var rz = GateCatalog.Get("rz");
        Assert.Contains(rz.Doc, hover);
        Assert.Contains("1 qubit", hover);
        Assert.Contains("1 parameter", hover);

        string cx = (await HoverAsync("cx x, y"))!;
        Assert.Contains(GateCatalog.Get("cx").Doc, cx);
        Assert.Contains("2 qubits", cx);
        Assert.Contains("no parameters", cx);
        Assert.Contains("Clifford", cx);
    }

    [Fact]
    public async Task FiguresAndTheirRoundVariablesHaveHovers()
    {
        const string text = """
            network duo { qpu a { qubits = 2; } }
            program p on duo {
                qubit[2] q @ a;
                bit[2] c;
                c = measure q;
                figure ones = mean(c[k] over k in 0 .. 2);
                figure twice = 2 * ones;
            }
            """;
        string uri = _files.Uri("figures.qn");
        await _client.OpenAsync(uri, text);
        Assert.Empty(await _client.DiagnosticsAsync(uri, 1));
        async Task<string> Hover(string word, int occurrence) =>
            (await _client.ResultAsync("textDocument/hover", TestDocuments.At(uri, text, word, occurrence)))!["contents"]!["value"]!.GetValue<string>();
        string figure = await Hover("ones", 1);
        Assert.Contains("figure ones = mean(c[k] over k in 0 .. 2);", figure);
        Assert.Contains("Figure of merit", figure);
        Assert.Contains("Round variable", await Hover("k]", 0));
    }

    [Fact]
    public async Task ConstantsShowTheirValueExactlyBeyondTwoToTheFiftyThree()
    {
        const string text = """
            network duo { qpu a { qubits = 1; } }
            program p on duo {
                const int small = 12;
                const int wide = 2 ** 63 + 1;
                qubit q @ a;
            }
            """;
        string uri = _files.Uri("constants.qn");
        await _client.OpenAsync(uri, text);
        Assert.Empty(await _client.DiagnosticsAsync(uri, 1));
        async Task<string> Hover(string word) =>
            (await _client.ResultAsync("textDocument/hover", TestDocuments.At(uri, text, word, 0)))!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("Compile-time constant = 12.", await Hover("small"));
        Assert.Contains("Compile-time constant = 9223372036854775809 (beyond 2^53", await Hover("wide"));
    }

    [Fact]
    public async Task AliasSaysWhatItStandsFor()
    {
        string hover = (await HoverAsync("CX a"))!;
        Assert.Contains("`CX` is an alias of `cx`", hover);
        Assert.Contains(GateCatalog.Get("cx").Doc, hover);
    }

    [Fact]
    public async Task HoverRangeIsTheWordAndTheCaretAtItsEndStillCounts()
    {
        var result = await _client.ResultAsync("textDocument/hover", TestDocuments.At(_uri, TestDocuments.Lab, "rz(theta)", offsetInWord: 2));
        var (line, character) = TestDocuments.Find(TestDocuments.Lab, "rz(theta)");
        Assert.Equal((line, character), TestDocuments.Start(result!["range"]));
        Assert.Equal((line, character + 2), TestDocuments.End(result["range"]));
    }

    [Fact]
    public async Task NodeShowsKindAndPropertiesWithDefaults()
    {
        string hover = (await HoverAsync("alice", occurrence: 2))!; // `qubit a @ alice`
        Assert.Contains("qpu alice", hover);
        Assert.Contains("network `lab`", hover);
        Assert.Contains("| `qubits` | 4 |", hover);
        Assert.Contains("| `t2` | 1 s |", hover);
        // comm was not written: the bound network filled in its default.
        Assert.Contains("| `comm` | 2 *(default)* |", hover);
        Assert.Contains("`mid` (10 km)", hover);

        string repeater = (await HoverAsync("mid"))!;
        Assert.Contains("repeater mid", repeater);
        Assert.Contains("| `swap_success` | 1 *(default)* |", repeater);
    }

    [Fact]
    public async Task UserGateRegisterConstantAndLoopVariable()
    {
        Assert.Contains("gate bell x, y", (await HoverAsync("bell a"))!);
        Assert.Contains("qubit[2] q @ alice;", (await HoverAsync("q[1]"))!);
        string theta = (await HoverAsync("theta", occurrence: 1))!;
        Assert.Contains("const angle theta = pi / 4;", theta);
        Assert.Contains("= 0.7853981633974483", theta);
        Assert.Contains("Loop variable", (await HoverAsync("i]"))!);
        Assert.Contains("Qubit argument of gate `bell`", (await HoverAsync("x;"))!);
    }

    [Fact]
    public async Task PropertyUnitAndBuiltinConstant()
    {
        string length = (await HoverAsync("length"))!;
        Assert.Contains(PropertySchema.Find(PropertySchema.LinkOwner, "length")!.Doc, length);
        Assert.Contains("default 0 m", length);
        Assert.Contains("1 km = 1000 m", (await HoverAsync("km"))!);
        Assert.Contains("π", (await HoverAsync("pi"))!);
    }

    [Fact]
    public async Task KeywordsPunctuationAndWhitespaceHaveNoHover()
    {
        Assert.Null(await HoverAsync("program"));
        Assert.Null(await HoverAsync("{ h q"));
        var far = await _client.ResultAsync("textDocument/hover", LspTestClient.At(_uri, 5000, 5000));
        Assert.Null(far);
    }

    [Fact]
    public async Task QuantitiesReadAsTheyAreWritten()
    {
        string text = "network fast {\n    qpu alice { qubits = 2; t2 = 10 us; }\n    qpu bob { qubits = 2; }\n    link alice -- bob { length = 2500 m; }\n}\n";
        string uri = _files.Uri("fast.qn");
        await _client.OpenAsync(uri, text);
        string node = (await _client.ResultAsync("textDocument/hover", TestDocuments.At(uri, text, "alice")))!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("| `t2` | 10 us |", node);
        Assert.Contains("(2.5 km)", node);
        Assert.DoesNotContain("E-", node);
        string network = (await _client.ResultAsync("textDocument/hover", TestDocuments.At(uri, text, "fast")))!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("200000 km/s", network);
    }
}
