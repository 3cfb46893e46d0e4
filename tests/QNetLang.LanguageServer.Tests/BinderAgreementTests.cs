using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Features;
using QNetLang.Semantics;
using QNetLang.Syntax.Formatting;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// The server reads the binder's own table: the compiler's, or when the compiler stopped
/// early, the lenient <see cref="NameBinding"/>'s. On every example the two hold the same names,
/// resolved to declarations at the same places; and every name written in the file is in the
/// server's table, so references, rename and hover miss none.
/// </summary>
public class BinderAgreementTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "examples"), "*.qn").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheLenientBindingHoldsWhatTheCompilerResolved(string file)
    {
        string path = Path.Combine(RepoRoot(), "examples", file);
        var compilation = QnCompiler.CompileText(path, File.ReadAllText(path), new CompilationOptions { RequireProgram = false, StopAfter = CompilerStage.Bind });
        Assert.True(compilation.Success);
        var lenient = NameBinding.Bind(compilation.Units).Symbols;
        Assert.Equal(compilation.Symbols.Occurrences.Count(), lenient.Occurrences.Count());
        int count = 0;
        foreach (var occurrence in compilation.Symbols.Occurrences)
        {
            var served = lenient.At(occurrence.Source.Path, occurrence.Span.Start);
            Assert.NotNull(served);
            Assert.Equal(occurrence.Span, served.Span);
            Assert.Equal(occurrence.Symbol.GetType(), served.Symbol.GetType());
            Assert.Equal(Occurrences.Key(compilation.Symbols, occurrence.Symbol), Occurrences.Key(lenient, served.Symbol));
            count++;
        }
        Assert.True(count > 0, $"{file}: the binder recorded no name");
    }

    /// <summary>
    /// Words that name nothing the table records: property values chosen from a list (`kind =
    /// fiber`), the functions of figures (`h(qber)`, `max`) and `shot_time`, which are values
    /// of the figure language rather than declarations (a link function's nodes are recorded, its name is not).
    /// </summary>
    private static bool Unrecorded(string word) =>
        FigureFunctions.TryGetArity(word, out _) || FigureLinkFunctions.Contains(word) || word is "shot_time" or "mean" or "sum" or "over" || PropertySchema.ByOwner.Values.SelectMany(s => s).Any(s => s.Symbols?.Contains(word) == true);

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryNameWrittenInAnExampleIsInTheTable(string file)
    {
        string path = Path.Combine(RepoRoot(), "examples", file);
        string text = File.ReadAllText(path);
        var analysis = Analyze(path, text);
        foreach (var token in LexicalTokenizer.Tokenize(text))
        {
            string word = token.Text(text);
            if (token.Kind != LexicalKind.Word || CompletionProvider.Keywords.Contains(word) || Unrecorded(word)) continue;
            var name = analysis.At(token.Start);
            // A unit such as dB/km is one name of several words.
            Assert.True(name is not null && name.Span.Start <= token.Start && token.End <= name.Span.End, $"{file}: '{word}' at {token.Start} is not in the table");
        }
    }

    private static DocumentAnalysis Analyze(string path, string text)
    {
        var analysis = DocumentAnalyzer.Analyze(new Uri(path).AbsoluteUri, path, text, new Dictionary<string, string>());
        Assert.Null(analysis.InternalError);
        return analysis;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
