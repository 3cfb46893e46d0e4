using QNetLang.Core;

namespace QNetLang.Syntax.Ast;

/// <summary>Base of every AST node: immutable, with the span of source it came from.</summary>
public abstract record SyntaxNode(TextSpan Span);

/// <summary>An identifier as written, with its own span (for "not defined" messages).</summary>
public sealed record Name(string Text, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}

/// <summary>Which front end produced a compilation unit.</summary>
public enum SourceLanguage
{
    QNetLang,
    OpenQasm2,
    OpenQasm3,
}

/// <summary>One parsed file: its includes, networks and programs in source order.</summary>
public sealed record CompilationUnit(
    SourceText Source,
    SourceLanguage Language,
    System.Collections.Immutable.ImmutableArray<TopLevelItem> Items,
    TextSpan Span) : SyntaxNode(Span);

public abstract record TopLevelItem(TextSpan Span) : SyntaxNode(Span);

public sealed record IncludeDirective(string Path, TextSpan Span) : TopLevelItem(Span);
