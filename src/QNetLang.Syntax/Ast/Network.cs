using System.Collections.Immutable;
using QNetLang.Core;

namespace QNetLang.Syntax.Ast;

public sealed record NetworkDeclaration(Name Name, ImmutableArray<NetworkMember> Members, TextSpan Span) : TopLevelItem(Span);

public abstract record NetworkMember(TextSpan Span) : SyntaxNode(Span);

public sealed record NodeDeclaration(NodeKind Kind, Name Name, ImmutableArray<PropertyAssignment> Properties, TextSpan Span) : NetworkMember(Span);

public sealed record LinkDeclaration(Name From, Name To, ImmutableArray<PropertyAssignment> Properties, TextSpan Span) : NetworkMember(Span);

/// <summary><c>name = value;</c> inside a node, link or network.</summary>
public sealed record PropertyAssignment(Name Name, Expression Value, TextSpan Span) : NetworkMember(Span);
