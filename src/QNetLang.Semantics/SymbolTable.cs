using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>A user <c>gate</c> as a name: what a call's gate name resolves to.</summary>
public sealed record GateSymbol(UserGate Gate) : Symbol(Gate.Name, Gate.DeclarationSpan)
{
    public override string KindDescription => "a gate";
}

/// <summary>
/// Where a symbol is declared: the file, the name as written, the syntax that declares it, and
/// the symbol it belongs to (a node's network; a register's, constant's, gate's or figure's
/// program; a gate parameter's gate; a loop variable's program).
/// </summary>
public sealed record SymbolDeclaration(Symbol Symbol, SourceText Source, TextSpan NameSpan, SyntaxNode Syntax, Symbol? Container);

/// <summary>A name of some file and the symbol it means; a declaration's own name is one too.</summary>
public sealed record SymbolOccurrence(SourceText Source, TextSpan Span, Symbol Symbol, bool IsDeclaration);

/// <summary>
/// Every declaration the binders made and every name they resolved, across the files of one
/// compilation (a network's nodes are used in another file's program): the one record of name
/// resolution. The bound tree points at the same symbols (<see cref="BoundExpression"/>), and tools (the language server's
/// references, rename, hover, definition, completion) read it instead of resolving names again.
/// Binders record through <see cref="Declare"/> and <see cref="Reference"/> only, so a new
/// construct needs nothing more than those two calls (and a scope, if it opens one).
/// </summary>
public sealed class SymbolTable
{
    private readonly List<SymbolDeclaration> _declarations = new();
    private readonly Dictionary<Symbol, SymbolDeclaration> _declarationOf = new(ReferenceEqualityComparer.Instance);
    // Names in the order the binders recorded them, indexed only when a tool first asks (a
    // compile never does): a flat file of a million gates records three million names, and
    // hashing each into a dictionary as it was bound took a large part of the binder's time.
    private readonly List<(Name Name, SourceText Source, Symbol Symbol, bool IsDeclaration)> _recorded = new();
    // Keyed by the name's syntax node, not its span: prelude gates imported for OpenQASM share
    // synthetic spans, and each of their names is an occurrence of its own.
    private Dictionary<Name, SymbolOccurrence>? _occurrences;
    private readonly Dictionary<Network, (NetworkSymbol Network, Dictionary<string, NodeSymbol> Nodes)> _networks = new(ReferenceEqualityComparer.Instance);
    private readonly List<(SourceText Source, TextSpan Span, Scope Scope, ProgramSymbol? Program)> _scopes = new();
    private Dictionary<string, SymbolOccurrence[]>? _byPath;

    /// <summary>Declarations in the order they were bound, failed ones included (as <see cref="ErrorSymbol"/>s), so tools can still navigate them.</summary>
    public IReadOnlyList<SymbolDeclaration> Declarations => _declarations;

    /// <summary>The names of one file that the binders resolved or declared, in source order.</summary>
    public IReadOnlyList<SymbolOccurrence> OccurrencesIn(string path) =>
        ByPath().TryGetValue(path, out var found) ? found : [];

    /// <summary>Every recorded name of every file, as written there (see <see cref="IsWritten"/>).</summary>
    public IEnumerable<SymbolOccurrence> Occurrences => Index().Where(IsWritten).Select(p => p.Value);

    /// <summary>The symbol a name of the bound source resolved to, or null when it resolved to none.</summary>
    public Symbol? Resolve(Name name) =>
        Index().TryGetValue(name, out var occurrence) ? occurrence.Symbol : null;

    /// <summary>Where a symbol is declared; null for built-ins and for names the binder made up to stop a cascade.</summary>
    public SymbolDeclaration? DeclarationOf(Symbol symbol) => _declarationOf.GetValueOrDefault(symbol);

    /// <summary>
    /// The name at a character offset of a file. The end of a name counts as inside it (the
    /// caret after the last letter still means that word); when two names touch, the one starting there wins.
    /// </summary>
    public SymbolOccurrence? At(string path, int offset)
    {
        var occurrences = OccurrencesIn(path);
        // The last name starting at or before the offset; names never overlap.
        int low = 0, high = occurrences.Count - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (occurrences[middle].Span.Start <= offset) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return found >= 0 && offset <= occurrences[found].Span.End ? occurrences[found] : null;
    }

    /// <summary>
    /// The names a statement at <paramref name="offset"/> of a file can use: those of the
    /// enclosing scopes declared before it (no forward references), and the program's gates
    /// defined before it. Inside a gate body, only its parameters and qubits, the constants
    /// and the earlier gates, as the binder rules.
    /// </summary>
    public IReadOnlyList<Symbol> VisibleAt(string path, int offset)
    {
        (TextSpan Span, Scope Scope, ProgramSymbol? Program)? innermost = null;
        foreach (var (source, span, scope, program) in _scopes)
        {
            if (source.Path != path || offset < span.Start || offset > span.End) continue;
            if (innermost is null || span.Length <= innermost.Value.Span.Length) innermost = (span, scope, program);
        }
        if (innermost is not { } found) return [];
        var visible = new List<Symbol>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in found.Scope.Visible())
            if (DeclarationOf(symbol) is { } declaration && (declaration.Source.Path != path || declaration.NameSpan.End <= offset) && names.Add(symbol.Name))
                visible.Add(symbol);
        foreach (var declaration in _declarations)
            if (declaration.Symbol is GateSymbol && declaration.Container == found.Program && declaration.Source.Path == path && declaration.Syntax.Span.End <= offset && names.Add(declaration.Symbol.Name))
                visible.Add(declaration.Symbol);
        return visible;
    }

    /// <summary>The symbol a bound network was declared as, and its nodes; null for a network made from options (<c>--qpus</c>).</summary>
    public NetworkSymbol? NetworkOf(Network network) => _networks.TryGetValue(network, out var entry) ? entry.Network : null;

    /// <summary>A node of a bound network, by name.</summary>
    public NodeSymbol? NodeOf(Network network, string name) =>
        _networks.TryGetValue(network, out var entry) ? entry.Nodes.GetValueOrDefault(name) : null;

    // ---- recording: binders call these, and only these ------------------------------------------

    /// <summary>Records a declaration; its name is an occurrence of the symbol too.</summary>
    internal void Declare(SourceText source, Name name, Symbol symbol, SyntaxNode syntax, Symbol? container)
    {
        var declaration = new SymbolDeclaration(symbol, source, name.Span, syntax, container);
        _declarations.Add(declaration);
        _declarationOf.TryAdd(symbol, declaration);
        Record(name, source, symbol, isDeclaration: true);
    }

    /// <summary>
    /// Records what a name resolved to. Nothing is recorded for a name that resolved to none, or
    /// to a stand-in the binder made for an undefined name (it has no declaration to go to).
    /// </summary>
    internal void Reference(SourceText source, Name name, Symbol? symbol)
    {
        if (symbol is null || symbol is ErrorSymbol && !_declarationOf.ContainsKey(symbol)) return;
        Record(name, source, symbol, isDeclaration: false);
    }

    private void Record(Name name, SourceText source, Symbol symbol, bool isDeclaration)
    {
        _recorded.Add((name, source, symbol, isDeclaration));
        _occurrences = null;
        _byPath = null;
    }

    /// <summary>
    /// What each name means, from the names as recorded: a declaration replaces whatever its name
    /// meant before, and a reference replaces an earlier reference, never a declaration. A name
    /// keeps the position it was first recorded at.
    /// </summary>
    private Dictionary<Name, SymbolOccurrence> Index()
    {
        if (_occurrences is { } built) return built;
        var index = new Dictionary<Name, SymbolOccurrence>(ReferenceEqualityComparer.Instance);
        foreach (var (name, source, symbol, isDeclaration) in _recorded)
            if (isDeclaration || !index.TryGetValue(name, out var existing) || !existing.IsDeclaration)
                index[name] = new SymbolOccurrence(source, name.Span, symbol, isDeclaration);
        return _occurrences = index;
    }

    /// <summary>Records the region of a file where a scope's names are visible, for <see cref="VisibleAt"/>.</summary>
    internal void Region(SourceText source, TextSpan span, Scope scope, ProgramSymbol? program) => _scopes.Add((source, span, scope, program));

    internal void DeclareNetwork(Network network, NetworkSymbol symbol, Dictionary<string, NodeSymbol> nodes) => _networks[network] = (symbol, nodes);

    /// <summary>
    /// Whether the name is written at its span. The OpenQASM prelude's gate definitions are
    /// parsed from other text and all sit on the include line: the binder resolves their
    /// names, but tools must not show or rename them there.
    /// </summary>
    private static bool IsWritten(KeyValuePair<Name, SymbolOccurrence> entry) =>
        entry.Value.Span.End <= entry.Value.Source.Text.Length
        && entry.Value.Source.Text.AsSpan(entry.Value.Span.Start, entry.Value.Span.Length).SequenceEqual(entry.Key.Text);

    private Dictionary<string, SymbolOccurrence[]> ByPath() => _byPath ??= Occurrences
        .GroupBy(o => o.Source.Path, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Span.Start).ThenBy(o => o.Span.Length).ToArray(), StringComparer.Ordinal);
}
