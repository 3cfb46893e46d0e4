using System.Collections.Immutable;
using QNetLang.Core;

namespace QNetLang.Semantics;

/// <summary>A user <c>gate</c> as a name: what a call's gate name resolves to.</summary>
public sealed record GateSymbol(UserGate Gate) : Symbol(Gate.Name, Gate.DeclarationSpan)
{
    public override string KindDescription => "a gate";
}

/// <summary>A name of the source that the binder resolved, and the symbol it resolved to.</summary>
public sealed record SymbolReference(TextSpan Span, Symbol Symbol);

/// <summary>
/// Every declaration the binder made and every name it resolved, in the order it met them:
/// the one record of name resolution, for tools that need to know what a name means.
/// </summary>
public sealed class SymbolTable
{
    private readonly List<Symbol> _declarations = new();
    private readonly Dictionary<int, SymbolReference> _references = new();

    /// <summary>Declarations in the order they were bound (failed declarations are not here).</summary>
    public IReadOnlyList<Symbol> Declarations => _declarations;

    /// <summary>Resolved names in source order; names that resolved to nothing (or to an error stand-in) are not here.</summary>
    public ImmutableArray<SymbolReference> References => [.. _references.Values.OrderBy(r => r.Span.Start)];

    /// <summary>The symbol the name starting at <paramref name="start"/> resolved to.</summary>
    public Symbol? ReferenceAt(int start) => _references.TryGetValue(start, out var reference) ? reference.Symbol : null;

    internal void Declare(Symbol symbol) => _declarations.Add(symbol);

    internal void Reference(TextSpan span, Symbol? symbol)
    {
        if (symbol is null or ErrorSymbol) return;
        _references[span.Start] = new SymbolReference(span, symbol);
    }
}
