using QNetLang.Core;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// The names of one analysed file: every declaration it can see (its own and those of the
/// files it includes) and every word of the file that refers to something. Built from the AST
/// alone, so it is there even when binding fails; see <see cref="SymbolIndexBuilder"/>.
/// </summary>
public sealed class SymbolIndex(SourceText source, IReadOnlyList<Declaration> declarations, IReadOnlyList<Reference> references)
{
    public static SymbolIndex Empty(SourceText source) => new(source, [], []);

    public SourceText Source { get; } = source;

    public IReadOnlyList<Declaration> Declarations { get; } = declarations;

    /// <summary>Words of <see cref="Source"/>, in source order.</summary>
    public IReadOnlyList<Reference> References { get; } = references;

    /// <summary>
    /// The word at a character offset. The end of a word counts as inside it, because the caret
    /// after the last letter still means that word; when two words touch, the one starting there wins.
    /// </summary>
    public Reference? At(int offset)
    {
        Reference? best = null;
        foreach (var reference in References)
        {
            if (offset < reference.Span.Start || offset > reference.Span.End) continue;
            bool better = best is null
                || reference.Span.Start > best.Span.Start
                || reference.Span.Start == best.Span.Start && reference.Span.Length < best.Span.Length;
            if (better) best = reference;
        }
        return best;
    }
}
