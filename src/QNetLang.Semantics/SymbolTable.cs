using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

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
    // Keyed by the name's syntax node, not its span: prelude gates imported for OpenQASM share
    // synthetic spans, and the lowerer evaluates exactly the nodes the binder resolved.
    private readonly Dictionary<Name, SymbolReference> _references = new(ReferenceEqualityComparer.Instance);

    /// <summary>Declarations in the order they were bound (failed declarations are not here).</summary>
    public IReadOnlyList<Symbol> Declarations => _declarations;

    /// <summary>Resolved names in source order; names that resolved to nothing (or to an error stand-in) are not here.</summary>
    public ImmutableArray<SymbolReference> References => [.. _references.Values.OrderBy(r => r.Span.Start)];

    /// <summary>The symbol a name of the bound source resolved to, or null when it resolved to none (a built-in such as <c>pi</c>).</summary>
    public Symbol? Resolve(Name name) =>
        _references.TryGetValue(name, out var reference) ? reference.Symbol : null;

    internal void Declare(Symbol symbol) => _declarations.Add(symbol);

    internal void Reference(Name name, Symbol? symbol)
    {
        if (symbol is null or ErrorSymbol) return;
        _references[name] = new SymbolReference(name.Span, symbol);
    }
}
