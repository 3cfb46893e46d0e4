using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Analysis;

public enum DeclarationKind
{
    Network,
    Node,
    Program,
    Gate,
    QubitRegister,
    BitRegister,
    Constant,
    LoopVariable,
    GateParameter,
    GateQubit,
    Figure,
}

/// <summary>
/// A name the source declares, where (possibly in an included file), and the AST node that
/// declares it. <see cref="Container"/> is the network of a node or the program of a register,
/// constant or gate, so that hovers can say where a name belongs.
/// </summary>
public sealed record Declaration(DeclarationKind Kind, string Name, SourceText Source, TextSpan NameSpan, SyntaxNode Syntax, Declaration? Container);
