namespace QNetLang.Semantics;

/// <summary>A lexical scope: the program's top level, a loop body, or a gate body.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    public Scope? Parent => parent;

    public Symbol? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._symbols.TryGetValue(name, out var symbol)) return symbol;
        return null;
    }

    /// <summary>Every name visible here, the innermost scope's first.</summary>
    public IEnumerable<Symbol> Visible()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            foreach (var symbol in scope._symbols.Values)
                yield return symbol;
    }

    /// <summary>Declares in this scope only, hiding outer names (gate parameters may reuse program names, as in OpenQASM).</summary>
    public bool TryDeclareLocal(Symbol symbol) => _symbols.TryAdd(symbol.Name, symbol);

    /// <summary>False when the name is already visible (QNetLang forbids shadowing: it hides mistakes).</summary>
    public bool TryDeclare(Symbol symbol)
    {
        var existing = Lookup(symbol.Name);
        // A stand-in left by an earlier error gives way to the real declaration.
        if (existing is not null && !(existing is ErrorSymbol && _symbols.ContainsKey(symbol.Name))) return false;
        _symbols[symbol.Name] = symbol;
        return true;
    }
}
