using System.Globalization;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// How IR names become OpenQASM 3: bits keep their registers (`c[3]` stays `c[3]`, so the
/// outputs of an emitted file line up with the source program's), scalar bits become
/// identifiers, and gates outside stdgates.inc get small definitions in a preamble.
/// </summary>
internal static class QasmNames
{
    /// <summary>A bit register of the emitted file: its name and size (0 for a scalar bit).</summary>
    public sealed record BitRegister(string Name, int Size);

    /// <summary>Groups the circuit's bits into registers (by their typed register and element), in order of first appearance.</summary>
    public static (List<BitRegister> Registers, string[] Reference) BitRegisters(IReadOnlyList<BitInfo> bits)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var reference = new string[bits.Count];
        for (int i = 0; i < bits.Count; i++)
        {
            string name = Identifier(bits[i].Register);
            if (!sizes.ContainsKey(name)) order.Add(name);
            if (bits[i].Element is { } element)
            {
                sizes[name] = Math.Max(sizes.GetValueOrDefault(name), element + 1);
                reference[i] = $"{name}[{element.ToString(CultureInfo.InvariantCulture)}]";
            }
            else
            {
                sizes[name] = 0;
                reference[i] = name;
            }
        }
        return (order.Select(name => new BitRegister(name, sizes[name])).ToList(), reference);
    }

    /// <summary>The register a bit belongs to in the emitted file.</summary>
    public static string RegisterOf(BitInfo bit) => Identifier(bit.Register);

    /// <summary>
    /// How a runtime expression names the bits it reads: one bit by its reference, a whole
    /// register (element 0 first, every element) by the register's name.
    /// </summary>
    public static Func<System.Collections.Immutable.ImmutableArray<int>, string> BitsText(IReadOnlyList<BitInfo> bits, string[] reference) => read =>
    {
        if (read.Length == 1) return reference[read[0]];
        string register = RegisterOf(bits[read[0]]);
        int size = bits.Count(b => RegisterOf(b) == register);
        for (int i = 0; i < read.Length; i++)
            if (RegisterOf(bits[read[i]]) != register || bits[read[i]].Element != i)
                throw new InvalidOperationException($"bits read together are not the register {register} in order");
        if (size != read.Length) throw new InvalidOperationException($"bits read together are part of the register {register}");
        return register;
    };

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

    /// <summary>
    /// An angle as OpenQASM text that reads back to exactly the same double: a fraction of pi
    /// when <c>n * pi / d</c> evaluates to this very value, otherwise the shortest round-trip
    /// decimal. (The per-node files are read back by `qnlc run manifest.json`, which must
    /// simulate bit for bit what the compiler produced.)
    /// </summary>
    public static string Angle(double value)
    {
        string pretty = IrPrinter.FormatAngle(value).Replace("*pi", " * pi", StringComparison.Ordinal).Replace("/", " / ", StringComparison.Ordinal);
        return AngleText.Evaluate(pretty) == value ? pretty : value.ToString("R", CultureInfo.InvariantCulture);
    }
}
