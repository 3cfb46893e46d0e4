using System.Collections;
using System.Reflection;
using System.Text;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax;

/// <summary>
/// A deterministic, indented dump of an AST for golden tests and <c>--stop-after parse --dump</c>.
/// Each node prints as <c>Kind @line:col</c> followed by its fields in declaration order.
/// Written over reflection so a new AST record is printed without touching this file.
/// </summary>
public static class AstPrinter
{
    public static string Print(CompilationUnit unit)
    {
        var sb = new StringBuilder();
        sb.Append("CompilationUnit ").Append(unit.Language).Append(' ').Append(Path.GetFileName(unit.Source.Path)).Append('\n');
        foreach (var item in unit.Items) Write(sb, unit.Source, item, 1);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, SourceText source, SyntaxNode node, int indent)
    {
        if (node is Name name)
        {
            sb.Append(' ', indent * 2).Append("Name ").Append(name.Text).Append('\n');
            return;
        }
        var (line, column) = source.GetLineColumn(node.Span.Start);
        sb.Append(' ', indent * 2).Append(node.GetType().Name).Append(" @").Append(line).Append(':').Append(column).Append('\n');
        foreach (var property in Properties(node.GetType()))
        {
            object? value = property.GetValue(node);
            string label = property.Name;
            switch (value)
            {
                case null:
                    break;
                case Name n:
                    sb.Append(' ', indent * 2 + 2).Append(label).Append(": ").Append(n.Text).Append('\n');
                    break;
                case SyntaxNode child:
                    sb.Append(' ', indent * 2 + 2).Append(label).Append(":\n");
                    Write(sb, source, child, indent + 2);
                    break;
                case string or bool or Enum:
                    sb.Append(' ', indent * 2 + 2).Append(label).Append(": ").Append(value).Append('\n');
                    break;
                case double d:
                    sb.Append(' ', indent * 2 + 2).Append(label).Append(": ").Append(Units.FormatNumber(d)).Append('\n');
                    break;
                case IEnumerable list:
                {
                    var items = list.Cast<object>().ToList();
                    if (items.Count == 0) break;
                    if (items.All(i => i is Name))
                    {
                        sb.Append(' ', indent * 2 + 2).Append(label).Append(": ").Append(string.Join(", ", items.Cast<Name>().Select(n => n.Text))).Append('\n');
                        break;
                    }
                    sb.Append(' ', indent * 2 + 2).Append(label).Append(":\n");
                    foreach (var item in items.OfType<SyntaxNode>()) Write(sb, source, item, indent + 2);
                    break;
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not ("Span" or "EqualityContract") && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);
}
