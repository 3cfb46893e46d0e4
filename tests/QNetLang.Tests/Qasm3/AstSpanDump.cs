using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using QNetLang.Syntax.Ast;

namespace QNetLang.Tests.Qasm3;

/// <summary>
/// Every field of an AST, every span included (start and end, not only the line and column the
/// golden printer shows), as text: two ASTs are the same exactly when their dumps are equal.
/// </summary>
public static class AstSpanDump
{
    public static string Dump(CompilationUnit unit)
    {
        var sb = new StringBuilder();
        sb.Append(unit.Language).Append(' ').Append(unit.Source.Path).Append('\n');
        Write(sb, unit, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int indent)
    {
        switch (value)
        {
            case null:
                sb.Append("null\n");
                return;
            case QNetLang.Core.SourceText source:
                sb.Append("source ").Append(source.Path).Append('\n');
                return;
            case QNetLang.Core.TextSpan span:
                sb.Append(span.Start).Append("..").Append(span.End).Append('\n');
                return;
            case double d:
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                return;
            case string or bool or Enum or int or long:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
                return;
            case SyntaxNode node:
                sb.Append(node.GetType().Name).Append('\n');
                foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0)
                             .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    sb.Append(' ', indent + 2).Append(property.Name).Append(": ");
                    Write(sb, property.GetValue(node), indent + 2);
                }
                return;
            case IEnumerable list:
                sb.Append("[\n");
                foreach (var item in list)
                {
                    sb.Append(' ', indent + 2);
                    Write(sb, item, indent + 2);
                }
                sb.Append(' ', indent).Append("]\n");
                return;
            default:
                throw new InvalidOperationException($"AstSpanDump does not know {value.GetType().Name}");
        }
    }
}
