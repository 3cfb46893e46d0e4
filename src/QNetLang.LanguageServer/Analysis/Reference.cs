using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>What a word in the source stands for.</summary>
public abstract record ReferenceTarget;

/// <summary>A name declared in the source (declarations refer to themselves, so hovers work on them too).</summary>
public sealed record DeclaredTarget(Declaration Declaration) : ReferenceTarget;

/// <summary>A gate from the <see cref="GateCatalog"/>, as written (which may be an alias).</summary>
public sealed record BuiltinGateTarget(GateInfo Gate, string WrittenName) : ReferenceTarget;

/// <summary>A property of a network, node or link (<see cref="PropertySchema"/>).</summary>
public sealed record PropertyTarget(string Owner, PropertySpec Spec) : ReferenceTarget;

/// <summary>A unit after a number: <c>km</c>, <c>dB/km</c>.</summary>
public sealed record UnitTarget(string Unit) : ReferenceTarget;

/// <summary>A built-in constant (<c>pi</c>) or function (<c>sin</c>).</summary>
public sealed record BuiltinValueTarget(string Name, bool IsFunction) : ReferenceTarget;

/// <summary>A word of the analysed file and what it stands for.</summary>
public sealed record Reference(TextSpan Span, ReferenceTarget Target);
