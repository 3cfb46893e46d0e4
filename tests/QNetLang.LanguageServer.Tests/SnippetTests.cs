using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QNetLang.Compiler;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// The VS Code extension's snippets that make whole files compile without a diagnostic, so a
/// user who expands one starts from a working program. (The editor's own tests check that
/// every snippet highlights.)
/// </summary>
public class SnippetTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly JsonObject Snippets = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "editors", "vscode", "snippets", "qnetlang.json")))!.AsObject();

    /// <summary>The body of the snippet with that prefix, placeholders at their defaults (as the editor tests expand them).</summary>
    private static string Expand(string prefix)
    {
        var snippet = Snippets.Select(s => s.Value!).Single(s => s["prefix"]!.GetValue<string>() == prefix);
        string text = string.Join("\n", snippet["body"]!.AsArray().Select(l => l!.GetValue<string>()));
        var defaults = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(text, @"\$\{(\d+):([^${}]*)\}")) defaults.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        foreach (Match m in Regex.Matches(text, @"\$\{(\d+)\|([^|,]*)[^|]*\|\}")) defaults.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        text = Regex.Replace(text, @"\$\{(\d+):([^${}]*)\}", m => defaults[m.Groups[1].Value]);
        text = Regex.Replace(text, @"\$\{(\d+)\|[^|]*\|\}", m => defaults[m.Groups[1].Value]);
        return Regex.Replace(text, @"\$\{?(\d+)\}?", m => defaults.GetValueOrDefault(m.Groups[1].Value, ""));
    }

    [Theory]
    [InlineData("bell")]
    [InlineData("teleportation")]
    [InlineData("bb84")]
    [InlineData("ghz")]
    [InlineData("network", "program")]
    public void WholeFileSnippetsCompileCleanly(params string[] prefixes)
    {
        // Snippets after the first go inside the program body (or are the program itself).
        string text = Expand(prefixes[0]);
        if (prefixes.Length > 1)
        {
            string program = Expand(prefixes[1]);
            string body = string.Join("\n", prefixes.Skip(2).Select(Expand));
            text += "\n" + program.Replace("\t\n", "\t" + body.Replace("\n", "\n\t") + "\n");
        }
        var result = QnCompiler.CompileText(_files.Path("snippet.qn"), text, new CompilationOptions { RequireProgram = false });
        Assert.True(result.Success, text + "\n" + string.Join("\n", result.Diagnostics.Items));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
