using System.Text.RegularExpressions;
using QNetLang.Core;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// Rewrites the command-line parser's errors into messages a newcomer can act on: an unknown
/// command is one message naming the commands (not "unrecognized argument" plus "required
/// command was not provided"), and a value of the wrong kind says what kind is needed in
/// words, not as a .NET type name.
/// </summary>
public static partial class CommandLineErrors
{
    /// <returns>Each problem as <c>QNxxxx: message</c>.</returns>
    public static IReadOnlyList<string> Explain(IReadOnlyList<string> commands, IReadOnlyList<string> args, IReadOnlyList<string> errors)
    {
        if (args.Count > 0 && !args[0].StartsWith('-') && !commands.Contains(args[0]))
        {
            string? closest = commands.OrderBy(c => Distance(c, args[0])).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault(c => Distance(c, args[0]) <= 2);
            string hint = closest is null ? "" : $" (did you mean '{closest}'?)";
            return [$"{Diagnostics.UnknownCommand.Code}: {Diagnostics.UnknownCommand.Format(args[0], hint, string.Join(", ", commands))}"];
        }
        return errors.Select(Rewrite).Distinct().ToList();
    }

    private static string Rewrite(string message)
    {
        var match = WrongType().Match(message);
        if (!match.Success) return $"{Diagnostics.InvalidOption.Code}: {Diagnostics.InvalidOption.Format(message)}";
        string kind = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number, such as 1000 (no exponent or decimal point)",
            "System.Double" => "a number, such as 0.5 or 1e-3",
            "System.Boolean" => "true or false",
            _ => "a value of another kind (see qnlc --help)",
        };
        return $"{Diagnostics.OptionValueType.Code}: {Diagnostics.OptionValueType.Format(match.Groups["value"].Value, match.Groups["option"].Value, kind)}";
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>.*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex WrongType();

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
