using QNetLang.Core;
using QNetLang.LanguageServer.Analysis;

namespace QNetLang.LanguageServer.Features;

/// <summary>A word of some file that refers to a symbol.</summary>
public sealed record Occurrence(SourceText Source, TextSpan Span, bool IsDeclaration);

/// <summary>
/// Finds every word that refers to the same thing as a reference: in the analysed file and
/// in the files it includes (each indexed on its own), so references and rename see a node
/// used in an included network file too.
/// </summary>
public static class Occurrences
{
    /// <summary>What makes two references refer to the same thing: a declaration's file and place, or a built-in's name.</summary>
    public static string Key(ReferenceTarget target) => target switch
    {
        DeclaredTarget d => $"decl:{d.Declaration.Source.Path}:{d.Declaration.NameSpan.Start}",
        BuiltinGateTarget g => $"gate:{g.Gate.Name}",
        PropertyTarget p => $"property:{p.Owner}:{p.Spec.Name}",
        UnitTarget u => $"unit:{u.Unit}",
        BuiltinValueTarget v => $"builtin:{v.Name}",
        _ => "",
    };

    /// <summary>The symbol under the caret, as found in the analysed file.</summary>
    public static Reference? At(DocumentAnalysis analysis, int offset) => analysis.Index.At(offset);

    /// <summary>Every occurrence of <paramref name="key"/> in the analysed file and the files it loaded.</summary>
    public static IEnumerable<Occurrence> Find(DocumentAnalysis analysis, string key)
    {
        foreach (var index in Indexes(analysis))
            foreach (var reference in index.References)
                if (Key(reference.Target) == key)
                    yield return new Occurrence(index.Source, reference.Span, reference.Target is DeclaredTarget d && d.Declaration.NameSpan == reference.Span && d.Declaration.Source.Path == index.Source.Path);
    }

    private static IEnumerable<SymbolIndex> Indexes(DocumentAnalysis analysis) => analysis.IncludedIndexes.Prepend(analysis.Index);
}
