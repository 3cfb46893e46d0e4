using QNetLang.Core;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// The outline of a document: networks with their nodes, links and properties; programs with
/// their gates, registers and constants. Kinds are chosen for their icons: a network is a
/// namespace, a node an object, a link a struct joining two of them, a program a function.
/// </summary>
public static class DocumentSymbolProvider
{
    public static IReadOnlyList<DocumentSymbol> Symbols(DocumentAnalysis analysis)
    {
        if (analysis.Compilation?.MainUnit is not { } unit) return [];
        var source = unit.Source;
        var symbols = new List<DocumentSymbol>();
        foreach (var item in unit.Items)
        {
            switch (item)
            {
                case NetworkDeclaration network:
                    symbols.Add(Symbol(source, network.Name.Text, "network", SymbolKind.Namespace, network.Span, network.Name.Span, NetworkMembers(source, network)));
                    break;
                case ProgramDeclaration program:
                    symbols.Add(Symbol(source, program.Name.Text, program.Network is { } n ? $"on {n.Text}" : "program", SymbolKind.Function, program.Span, program.Name.Span, ProgramMembers(source, program.Body)));
                    break;
            }
        }
        return symbols;
    }

    private static List<DocumentSymbol> NetworkMembers(SourceText source, NetworkDeclaration network)
    {
        var members = new List<DocumentSymbol>();
        foreach (var member in network.Members)
        {
            switch (member)
            {
                case NodeDeclaration node:
                    string kind = node.Kind switch { NodeKind.Repeater => "repeater", NodeKind.EndNode => "endnode", _ => "qpu" };
                    members.Add(Symbol(source, node.Name.Text, kind, SymbolKind.Object, node.Span, node.Name.Span, []));
                    break;
                case LinkDeclaration link:
                    var selection = TextSpan.FromBounds(link.From.Span.Start, link.To.Span.End);
                    members.Add(Symbol(source, $"{link.From.Text} -- {link.To.Text}", "link", SymbolKind.Struct, link.Span, selection, []));
                    break;
                case PropertyAssignment property:
                    members.Add(Symbol(source, property.Name.Text, "property", SymbolKind.Property, property.Span, property.Name.Span, []));
                    break;
            }
        }
        return members;
    }

    /// <summary>Declarations are only legal at the top of a program, so nested blocks are not searched.</summary>
    private static List<DocumentSymbol> ProgramMembers(SourceText source, IEnumerable<Statement> body)
    {
        var members = new List<DocumentSymbol>();
        foreach (var statement in body)
        {
            switch (statement)
            {
                case GateDefinition gate:
                    members.Add(Symbol(source, gate.Name.Text, "gate", SymbolKind.Method, gate.Span, gate.Name.Span, []));
                    break;
                case SubroutineDefinition subroutine:
                    members.Add(Symbol(source, subroutine.Name.Text, "def", SymbolKind.Function, subroutine.Span, subroutine.Name.Span, []));
                    break;
                case QubitDeclaration qubit:
                    members.Add(Symbol(source, qubit.Name.Text, qubit.Size is null ? "qubit" : "qubit register", qubit.Size is null ? SymbolKind.Variable : SymbolKind.Array, qubit.Span, qubit.Name.Span, []));
                    break;
                case BitDeclaration bit:
                    members.Add(Symbol(source, bit.Name.Text, bit.Size is null ? "bit" : "bit register", bit.Size is null ? SymbolKind.Variable : SymbolKind.Array, bit.Span, bit.Name.Span, []));
                    break;
                case ConstDeclaration constant:
                    members.Add(Symbol(source, constant.Name.Text, "const " + constant.Type.ToString().ToLowerInvariant(), SymbolKind.Constant, constant.Span, constant.Name.Span, []));
                    break;
            }
        }
        return members;
    }

    private static DocumentSymbol Symbol(SourceText source, string name, string detail, int kind, TextSpan span, TextSpan selection, IReadOnlyList<DocumentSymbol> children)
    {
        // LSP requires the name inside the full range; a partial AST from error recovery may
        // not guarantee it, so widen the range rather than send an invalid symbol.
        var full = TextSpan.FromBounds(Math.Min(span.Start, selection.Start), Math.Max(span.End, selection.End));
        // An empty name would be rejected by VS Code; error recovery can produce one.
        return new DocumentSymbol(name.Length == 0 ? "?" : name, detail, kind, PositionMapper.ToRange(source, full), PositionMapper.ToRange(source, selection), children);
    }
}
