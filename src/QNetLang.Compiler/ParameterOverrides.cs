using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Compiler;

/// <summary>
/// One value that `qnlc sweep --set TARGET=VALUE` puts in place of what the source says:
/// <see cref="Target"/> is `a--b.property` (a link), `*--*.property` (every link), `node.property`, `property` (the network)
/// or a program constant; the value is a number with an optional unit, as written in `.qn`.
/// </summary>
public sealed record ParameterOverride(string Target, double Value, bool IsInteger, string? Unit)
{
    public string Text => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + (Unit is null ? "" : " " + Unit);
}

/// <summary>
/// Rewrites parsed files so that each override replaces (or adds) the property assignment or
/// constant it names, before binding. The binder then checks the value exactly as if the
/// source had said it — units, ranges, property rules — so a sweep point is a program the
/// user could have written, and nothing downstream knows it was swept.
/// </summary>
public static class ParameterOverrides
{
    public static CompilationUnit Apply(CompilationUnit unit, IReadOnlyList<ParameterOverride> overrides) =>
        unit with { Items = [.. unit.Items.Select(item => item switch
        {
            NetworkDeclaration network => Network(network, overrides),
            ProgramDeclaration program => program with { Body = [.. program.Body.Select(s => Constant(s, overrides))] },
            _ => item,
        })] };

    private static NetworkDeclaration Network(NetworkDeclaration network, IReadOnlyList<ParameterOverride> overrides)
    {
        var members = network.Members.Select(member => member switch
        {
            NodeDeclaration node => node with { Properties = Properties(node.Properties, node.Name.Span, o => Split(o.Target) is (string owner, _) && owner == node.Name.Text, overrides) },
            LinkDeclaration link => link with { Properties = Properties(link.Properties, link.From.Span, o => Split(o.Target) is (string owner, _) && IsLink(owner, link), overrides) },
            PropertyAssignment p when overrides.LastOrDefault(o => !o.Target.Contains('.') && o.Target == p.Name.Text) is { } o => p with { Value = Literal(o, p.Value.Span) },
            _ => member,
        }).ToList();
        // A network property the source does not set is added.
        foreach (var o in overrides.Where(o => !o.Target.Contains('.') && !members.OfType<PropertyAssignment>().Any(p => p.Name.Text == o.Target)))
            if (IsNetworkProperty(o.Target)) members.Add(new PropertyAssignment(new Name(o.Target, network.Name.Span), Literal(o, network.Name.Span), network.Name.Span));
        return network with { Members = [.. members] };
    }

    private static ImmutableArray<PropertyAssignment> Properties(ImmutableArray<PropertyAssignment> properties, TextSpan ownerSpan, Func<ParameterOverride, bool> owns, IReadOnlyList<ParameterOverride> overrides)
    {
        var result = properties.ToList();
        foreach (var o in overrides.Where(owns))
        {
            string name = Split(o.Target)!.Value.Property;
            int index = result.FindIndex(p => p.Name.Text == name);
            if (index >= 0) result[index] = result[index] with { Value = Literal(o, result[index].Value.Span) };
            else result.Add(new PropertyAssignment(new Name(name, ownerSpan), Literal(o, ownerSpan), ownerSpan));
        }
        return [.. result];
    }

    private static Statement Constant(Statement statement, IReadOnlyList<ParameterOverride> overrides) => statement switch
    {
        ConstDeclaration c when overrides.LastOrDefault(o => o.Target == c.Name.Text) is { } o => c with { Value = Literal(o, c.Value.Span) },
        // An OpenQASM `input` becomes the constant the command line gives (`--input theta=0.3`).
        InputDeclaration i when overrides.LastOrDefault(o => o.Target == i.Name.Text) is { } o => new ConstDeclaration(i.Type, i.Name, Literal(o, i.Name.Span), i.Span),
        _ => statement,
    };

    private static LiteralExpression Literal(ParameterOverride o, TextSpan span) =>
        new(o.Text, o.Value, o.IsInteger, o.Unit is null ? null : new Name(o.Unit, span), span);

    /// <summary>`owner.property` → (owner, property); null for a bare name.</summary>
    public static (string Owner, string Property)? Split(string target)
    {
        int dot = target.LastIndexOf('.');
        return dot <= 0 || dot == target.Length - 1 ? null : (target[..dot], target[(dot + 1)..]);
    }

    /// <summary>The owner `*--*`: every link of the network (a sweep over the spacing of a uniform chain).</summary>
    public const string EveryLink = "*--*";

    private static bool IsLink(string owner, LinkDeclaration link) =>
        owner == EveryLink || owner == $"{link.From.Text}--{link.To.Text}" || owner == $"{link.To.Text}--{link.From.Text}";

    private static bool IsNetworkProperty(string name) =>
        Semantics.PropertySchema.ByOwner[Semantics.PropertySchema.NetworkOwner].Any(s => s.Name == name);
}
