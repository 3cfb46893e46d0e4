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

    /// <summary>False when the name is already visible (QNetLang forbids shadowing: it hides mistakes).</summary>
    public bool TryDeclare(Symbol symbol)
    {
        if (Lookup(symbol.Name) is not null) return false;
        _symbols.Add(symbol.Name, symbol);
        return true;
    }
}
