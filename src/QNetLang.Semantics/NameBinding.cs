using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// The names of a set of parsed files, for tools that must answer while the user types: every
/// network and every program of every file is bound into one <see cref="SymbolTable"/>, even
/// when the compiler would stop first (a syntax error elsewhere, an unknown network, a
/// duplicate program). A program whose network is unknown is bound against an empty network,
/// so its own names still resolve. Its diagnostics are the compiler's to report; they are
/// dropped unless a bag is given (a rename compares them before and after).
/// </summary>
public sealed record NameBinding(SymbolTable Symbols, IReadOnlyDictionary<string, Network> Networks)
{
    /// <param name="units">Every loaded file, in load order; networks are known across files, the first of a name wins, as in the compiler.</param>
    /// <param name="diagnostics">Where the binders' messages go; dropped when null.</param>
    public static NameBinding Bind(IReadOnlyList<CompilationUnit> units, CancellationToken cancellation = default, DiagnosticBag? diagnostics = null)
    {
        var symbols = new SymbolTable();
        var ignored = diagnostics ?? new DiagnosticBag();
        var networks = new Dictionary<string, Network>(StringComparer.Ordinal);
        foreach (var unit in units)
            foreach (var declaration in unit.Items.OfType<NetworkDeclaration>())
                networks.TryAdd(declaration.Name.Text, new NetworkBinder(unit.Source, ignored, symbols).Bind(declaration));
        foreach (var unit in units)
        {
            foreach (var program in unit.Items.OfType<ProgramDeclaration>())
            {
                cancellation.ThrowIfCancellationRequested();
                var network = program.Network is { } name && networks.TryGetValue(name.Text, out var found)
                    ? found
                    : new Network(program.Network?.Text ?? "", [], [], ImmutableSortedDictionary<string, PropertyValue>.Empty);
                new ProgramBinder(unit.Source, network, ignored, symbols).Bind(program);
            }
        }
        return new NameBinding(symbols, networks);
    }
}
