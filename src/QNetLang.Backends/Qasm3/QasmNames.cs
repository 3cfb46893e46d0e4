using System.Globalization;
using System.Text.RegularExpressions;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// How IR names become OpenQASM 3: bits keep their registers (`c[3]` stays `c[3]`, so the
/// outputs of an emitted file line up with the source program's), scalar bits become
/// identifiers, and gates outside stdgates.inc get small definitions in a preamble.
/// </summary>
internal static partial class QasmNames
{
    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)\]$")]
    private static partial Regex IndexedName();

    /// <summary>A bit register of the emitted file: its name and size.</summary>
    public sealed record BitRegister(string Name, int Size);

    /// <summary>Groups the circuit's bits into registers, in order of first appearance.</summary>
    public static (List<BitRegister> Registers, string[] Reference) BitRegisters(IReadOnlyList<BitInfo> bits)
    {
        var registers = new List<BitRegister>();
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var reference = new string[bits.Count];
        for (int i = 0; i < bits.Count; i++)
        {
            var match = IndexedName().Match(bits[i].Name);
            if (match.Success)
            {
                string name = Identifier(match.Groups[1].Value);
                int index = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                if (!sizes.ContainsKey(name)) order.Add(name);
                sizes[name] = Math.Max(sizes.GetValueOrDefault(name), index + 1);
                reference[i] = $"{name}[{index}]";
            }
            else
            {
                string name = Identifier(bits[i].Name);
                if (!sizes.ContainsKey(name)) order.Add(name);
                sizes[name] = 0;
                reference[i] = name;
            }
        }
        foreach (var name in order) registers.Add(new BitRegister(name, sizes[name]));
        return (registers, reference);
    }

    /// <summary>A legal OpenQASM identifier for a name (protocol bits like `cat3` are already legal).</summary>
    public static string Identifier(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        string id = new(chars);
        if (id.Length == 0 || char.IsDigit(id[0])) id = "_" + id;
        return id;
    }

    /// <summary>Gates the emitted file may use that stdgates.inc lacks, with exact definitions (up to global phase).</summary>
    public static readonly IReadOnlyDictionary<string, string> Definitions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rzz"] = "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
        ["rxx"] = "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
        ["ryy"] = "gate ryy(theta) a, b { rx(pi / 2) a; rx(pi / 2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi / 2) a; rx(-pi / 2) b; }",
        ["sxdg"] = "gate sxdg a { rx(-pi / 2) a; }",
    };

    /// <summary>The name a catalog gate is written with (`u` is the built-in `U`).</summary>
    public static string GateName(GateInfo gate) => gate.Name == "u" ? "U" : gate.Name;

    public static string Angle(double value) => IrPrinter.FormatAngle(value).Replace("*pi", " * pi", StringComparison.Ordinal).Replace("/", " / ", StringComparison.Ordinal);
}
