using System.Text.Json;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// "Did you mean" quick fixes: for a diagnostic about an unknown gate, node, property, unit,
/// name or a misspelt keyword, replace the word with the closest names that fit there (edit
/// distance at most a third of the word, at least 1), closest first.
/// </summary>
public static class CodeActionProvider
{
    private const int MaxSuggestions = 3;

    public static IReadOnlyList<CodeAction> Actions(DocumentAnalysis analysis, IReadOnlyList<IncomingDiagnostic> diagnostics)
    {
        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Range is not { } range || CodeOf(diagnostic) is not { } code) continue;
            var span = Span(analysis.Source, range);
            if (span.Length == 0 || span.End > analysis.Source.Text.Length) continue;
            var best = Suggestions(analysis, code, span);
            // A misspelt keyword that starts a member (`repeatr mid { … }`) reads as a property
            // name, so the parser reports the word after it: the misspelling is the word before.
            if (best.Count == 0 && code == "QN1003" && PreviousWord(analysis.Source.Text, span.Start) is { } previous)
            {
                span = previous;
                best = Suggestions(analysis, code, span);
            }
            var echo = new LspDiagnostic(range, LspSeverity.Error, code, DiagnosticConverter.Source, diagnostic.Message ?? "");
            string word = analysis.Source.Text.Substring(span.Start, span.Length);
            var wordRange = PositionMapper.ToRange(analysis.Source, span);
            for (int i = 0; i < best.Count; i++)
            {
                var edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [analysis.Uri] = [new TextEdit(wordRange, best[i])] });
                actions.Add(new CodeAction($"Change '{word}' to '{best[i]}'", "quickfix", [echo], i == 0, edit));
            }
        }
        return actions;
    }

    /// <summary>The closest names that fit where the word at <paramref name="span"/> is, closest first; none when it is not a word.</summary>
    private static List<string> Suggestions(DocumentAnalysis analysis, string code, TextSpan span)
    {
        string word = analysis.Source.Text.Substring(span.Start, span.Length);
        if (!word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '/')) return [];
        return Candidates(analysis, code, span.Start).Where(c => c != word).Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: EditDistance(word, c)))
            .Where(c => c.Distance <= Math.Max(1, word.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>The word that ends just before <paramref name="offset"/> (spaces and tabs between), on the same line.</summary>
    private static TextSpan? PreviousWord(string text, int offset)
    {
        int end = offset;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        int start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        return end > start && end < offset ? TextSpan.FromBounds(start, end) : null;
    }

    private static string? CodeOf(IncomingDiagnostic diagnostic) =>
        diagnostic.Code is { ValueKind: JsonValueKind.String } code ? code.GetString() : null;

    private static TextSpan Span(SourceText source, Protocol.Range range)
    {
        int start = PositionMapper.ToOffset(source, range.Start);
        return new TextSpan(start, Math.Max(0, PositionMapper.ToOffset(source, range.End) - start));
    }

    /// <summary>The names that fit where the diagnostic is, by what the diagnostic says is wrong.</summary>
    private static IEnumerable<string> Candidates(DocumentAnalysis analysis, string code, int offset)
    {
        var declarations = analysis.Symbols.Declarations;
        switch (code)
        {
            case "QN2003": // unknown gate
                return GateCatalog.Gates.Select(g => g.Name).Concat(GateCatalog.Aliases.Keys)
                    .Concat(declarations.Where(d => d.Symbol is GateSymbol).Select(d => d.Symbol.Name));
            case "QN2013": // unknown node
                return declarations.Where(d => d.Symbol is NodeSymbol).Select(d => d.Symbol.Name);
            case "QN2014": // unknown network
                return declarations.Where(d => d.Symbol is NetworkSymbol).Select(d => d.Symbol.Name);
            case "QN2008": // unknown unit
                return Units.Names;
            case "QN2001": // undefined name
                return declarations.Where(d => d.Source.Path == analysis.Source.Path && d.Symbol is not (NetworkSymbol or NodeSymbol or ProgramSymbol))
                    .Select(d => d.Symbol.Name).Concat(ExpressionEvaluator.BuiltinConstantNames);
            case "QN2010": // unknown property
            case "QN1003": // syntax error: often a misspelt keyword or property name
                var context = CompletionContext.At(analysis.Source.Text, offset);
                var properties = context.Owner is { } owner && PropertySchema.ByOwner.TryGetValue(owner, out var specs) ? specs.Select(s => s.Name) : [];
                return code == "QN2010" ? properties : properties.Concat(CompletionProvider.Keywords);
            default:
                return [];
        }
    }

    /// <summary>Levenshtein distance, with a swap of neighbours counting as one edit (`hh`/`h`, `cxx`, `rz`/`zr`).</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
