using System.Text.RegularExpressions;
using QNetLang.Core;

namespace QNetLang.Backends.Qir;

/// <summary>One significant line of a module: 1-based number, offset of its first non-blank character, and its text without the comment.</summary>
public sealed record QirLine(int Number, int Offset, string Text);

/// <summary>A module flag: its metadata line, name and value text (<c>i32 2</c>, <c>i1 false</c>, <c>!"i64"</c>).</summary>
public sealed record QirFlag(QirLine Line, string Name, string Value)
{
    /// <summary>False for the constants that mean "this capability is not used" (<c>i1 false</c>, <c>i2 0</c>, …).</summary>
    public bool IsEnabled => !Regex.IsMatch(Value, @"^i\d+\s+(0|false)$");
}

/// <summary>A defined function: its <c>define</c> line, name, attribute group and body lines.</summary>
public sealed record QirFunction(QirLine Header, string Name, int? AttributeGroup, IReadOnlyList<QirLine> Body);

/// <summary>
/// A line-based reading of the subset of LLVM IR text that QIR modules use (ours and the QDK's):
/// module flags, attribute groups, declarations and function bodies. It does not parse LLVM IR
/// in general; LLVM itself (llvm-as) is the judge of well-formedness, this reader only finds
/// what the profile rules look at.
/// </summary>
public sealed class QirModuleText
{
    private static readonly Regex FlagPattern = new(@"^!(\d+)\s*=\s*!\{\s*i32\s+\d+\s*,\s*!""([^""]+)""\s*,\s*(.+?)\s*\}$", RegexOptions.CultureInvariant);
    private static readonly Regex FlagListPattern = new(@"^!llvm\.module\.flags\s*=\s*!\{(.*)\}$", RegexOptions.CultureInvariant);
    private static readonly Regex AttributesPattern = new(@"^attributes\s+#(\d+)\s*=\s*\{(.*)\}$", RegexOptions.CultureInvariant);
    private static readonly Regex AttributePattern = new(@"""([^""]+)""(?:\s*=\s*""([^""]*)"")?", RegexOptions.CultureInvariant);
    // Function attributes may stand between the parameters and the group (local_unnamed_addr, nounwind…).
    private static readonly Regex DefinePattern = new(@"^define\b.*?@([-\w$.]+|""[^""]*"")\s*\(.*\)\s*(?:[a-z_]+\s+)*(?:#(\d+))?\s*\{$", RegexOptions.CultureInvariant);
    private static readonly Regex DeclarePattern = new(@"^declare\b.*?@([-\w$.]+)\s*\(", RegexOptions.CultureInvariant);

    public QirModuleText(SourceText source)
    {
        Source = source;
        var lines = Lines(source.Text).ToList();
        var flagsById = new Dictionary<string, QirFlag>(StringComparer.Ordinal);
        var listed = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Match m;
            if ((m = FlagPattern.Match(line.Text)).Success) flagsById[m.Groups[1].Value] = new QirFlag(line, m.Groups[2].Value, m.Groups[3].Value);
            else if ((m = FlagListPattern.Match(line.Text)).Success) listed.AddRange(Regex.Matches(m.Groups[1].Value, @"!(\d+)").Select(x => x.Groups[1].Value));
            else if ((m = AttributesPattern.Match(line.Text)).Success)
                AttributeGroups[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] =
                    AttributePattern.Matches(m.Groups[2].Value).GroupBy(a => a.Groups[1].Value, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().Groups[2].Success ? g.First().Groups[2].Value : "", StringComparer.Ordinal);
            else if ((m = DeclarePattern.Match(line.Text)).Success) Declared.Add(m.Groups[1].Value);
            else if ((m = DefinePattern.Match(line.Text)).Success)
            {
                var body = new List<QirLine>();
                int j = i + 1;
                for (; j < lines.Count && lines[j].Text != "}"; j++) body.Add(lines[j]);
                int? group = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                Functions.Add(new QirFunction(line, m.Groups[1].Value.Trim('"'), group, body));
                i = j;
            }
            else if (line.Text.StartsWith("define", StringComparison.Ordinal))
                Unreadable.Add(line);
        }
        foreach (var id in listed)
            if (flagsById.TryGetValue(id, out var flag)) Flags.TryAdd(flag.Name, flag);
    }

    public SourceText Source { get; }

    /// <summary>The module flags listed in <c>!llvm.module.flags</c>, by name.</summary>
    public Dictionary<string, QirFlag> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>Attribute groups: number → attribute name → value ("" for a bare attribute).</summary>
    public Dictionary<int, Dictionary<string, string>> AttributeGroups { get; } = [];

    public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);

    public List<QirFunction> Functions { get; } = [];

    /// <summary><c>define</c> lines the reader could not follow (e.g. a body opened on a later line).</summary>
    public List<QirLine> Unreadable { get; } = [];

    /// <summary>The significant lines: comments (outside string constants) stripped, blank lines dropped.</summary>
    private static IEnumerable<QirLine> Lines(string text)
    {
        int offset = 0, number = 0;
        foreach (string raw in text.Split('\n'))
        {
            number++;
            string line = StripComment(raw.TrimEnd('\r'));
            int indent = line.Length - line.TrimStart().Length;
            string trimmed = line.Trim();
            if (trimmed.Length > 0) yield return new QirLine(number, offset + indent, trimmed);
            offset += raw.Length + 1;
        }
    }

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ';' && !quoted) return line[..i];
        }
        return line;
    }
}
