using QNetLang.Core;
using QNetLang.LanguageServer.Analysis;
using QNetLang.Semantics;

namespace QNetLang.LanguageServer.Features;

/// <summary>A word of some file that refers to a symbol.</summary>
public sealed record Occurrence(SourceText Source, TextSpan Span, bool IsDeclaration);

/// <summary>
/// Finds every word that refers to the same thing as a name, from the binder's symbol table:
/// in the analysed file and in the files it includes (a node used in an included network
/// file too). Symbols of different analyses are different objects, so they are matched by key.
/// </summary>
public static class Occurrences
{
    /// <summary>
    /// What makes two names refer to the same thing, across analyses: a declaration's file and
    /// place, or a built-in's name. Empty for a symbol with neither (never matched).
    /// </summary>
    public static string Key(SymbolTable symbols, Symbol symbol) => symbol switch
    {
        BuiltinGateSymbol g => $"gate:{g.Info.Name}",
        PropertySymbol p => $"property:{p.Owner}:{p.Spec.Name}",
        UnitSymbol u => $"unit:{u.Unit}",
        BuiltinValueSymbol v => $"builtin:{v.Name}",
        PropertyChoiceSymbol c => $"choice:{c.Property.Name}:{c.Choice}",
        _ when symbols.DeclarationOf(symbol) is { } d => $"decl:{ReferencesProvider.FullPath(d.Source.Path)}:{d.NameSpan.Start}",
        _ => "",
    };

    /// <summary>Every occurrence of <paramref name="key"/> in the analysed file and the files it loaded.</summary>
    public static IEnumerable<Occurrence> Find(DocumentAnalysis analysis, string key)
    {
        if (key.Length == 0) yield break;
        // Within one table a declared symbol is one object: find it by key once, then by identity.
        var declared = analysis.Symbols.Declarations.Where(d => Key(analysis.Symbols, d.Symbol) == key)
            .Select(d => d.Symbol).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var occurrence in analysis.Symbols.Occurrences)
            if (occurrence.Symbol is BuiltinSymbol ? Key(analysis.Symbols, occurrence.Symbol) == key : declared.Contains(occurrence.Symbol))
                yield return new Occurrence(occurrence.Source, occurrence.Span, occurrence.IsDeclaration);
    }
}
