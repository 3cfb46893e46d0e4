using System.Globalization;
using System.Text;

namespace QNetLang.Backends.Qir;

/// <summary>
/// Assembles one QIR module from the entry point's blocks: header comments, (QIR 1.0) the opaque
/// types, output labels, the entry point with its attributes, the declarations of the functions it
/// calls (sorted, so the text is deterministic), the attribute groups and the four required module flags.
/// </summary>
public sealed class QirModuleWriter(QirVersion version = QirVersion.Two)
{
    /// <summary>The value of <c>"output_labeling_schema"</c>: labels are the program's bit names.</summary>
    public const string LabelingSchema = "qnetlang_bit_names";

    private readonly List<string> _comments = [];
    private readonly List<string> _labels = [];
    private readonly List<BodyLine> _body = [];
    private readonly SortedDictionary<string, string> _declarations = new(StringComparer.Ordinal);

    public void Comment(string text) => _comments.Add(text);

    public QirVersion Version => version;

    /// <summary>Adds an output label and returns the operand that points to it.</summary>
    public string AddLabel(string text)
    {
        int id = _labels.Count;
        _labels.Add(QirTemplates.Label(id, text));
        return QirTemplates.LabelPointer(id, System.Text.Encoding.UTF8.GetByteCount(text) + 1, version);
    }

    /// <summary>
    /// One line of the entry point. Its text can be set after it was placed (a loop header's
    /// <c>phi</c> learns its back-edge values only once the body is written), and lines can be
    /// inserted before it (a <c>read_result</c> a later block's <c>phi</c> needs at the end of
    /// this line's block, before its branch).
    /// </summary>
    public sealed class BodyLine(string text)
    {
        public string Text { get; set; } = text;

        public List<string> Before { get; } = [];
    }

    /// <summary>Starts a basic block.</summary>
    public void Block(string label) => _body.Add(new BodyLine(label + ":"));

    /// <summary>An instruction; a runtime or network function it calls gets its declaration.</summary>
    public BodyLine Instruction(string text, string? calls = null, string? comment = null)
    {
        if (calls is not null) _declarations.TryAdd(calls, QirTemplates.Declaration(calls, version));
        var line = new BodyLine("  " + text + (comment is null ? "" : "  ; " + comment));
        _body.Add(line);
        return line;
    }

    /// <summary>Inserts an instruction just before <paramref name="line"/> (the branch that ends its block).</summary>
    public void InsertBefore(BodyLine line, string text, string? calls = null)
    {
        if (calls is not null) _declarations.TryAdd(calls, QirTemplates.Declaration(calls, version));
        line.Before.Add("  " + text);
    }

    public void Gate(string qirName, IReadOnlyList<double> angles, IReadOnlyList<int> qubits) =>
        GateWithOperands(qirName, angles.Select(QirTemplates.Double).ToList(), qubits);

    /// <summary>A gate whose angle operands are given as text: constants (<c>double 0x…</c>) or values computed at run time (<c>double %v3</c>).</summary>
    public void GateWithOperands(string qirName, IReadOnlyList<string> angles, IReadOnlyList<int> qubits)
    {
        _declarations.TryAdd(QirTemplates.GateFunction(qirName), QirTemplates.GateDeclaration(qirName, angles.Count, qubits.Count, version));
        _body.Add(new BodyLine("  " + QirTemplates.Call(QirTemplates.GateFunction(qirName), angles.Concat(qubits.Select(q => QirTemplates.Qubit(q, version))))));
    }

    /// <summary>
    /// Set when the body branches backwards (a runtime loop): the module then declares the Adaptive
    /// Profile's <c>backwards_branching</c> capability with value 2, loops that end on a
    /// measured condition (repeat until success) rather than after a count known beforehand.
    /// </summary>
    public bool BackwardBranching { get; set; }

    /// <summary>Set when the body computes on <c>i64</c> values: the module declares <c>int_computations</c> with the one width it uses, <c>"i64"</c>.</summary>
    public bool IntComputations { get; set; }

    /// <summary>Set when the body computes on <c>double</c> values: the module declares <c>float_computations</c> with <c>"double"</c>.</summary>
    public bool FloatComputations { get; set; }

    public string Write(string entryPoint, QirProfile profile, int qubits, int results)
    {
        var sb = new StringBuilder();
        foreach (var comment in _comments) sb.Append("; ").Append(comment).Append('\n');
        sb.Append('\n');
        if (version == QirVersion.One) sb.Append("%Qubit = type opaque\n%Result = type opaque\n\n");
        foreach (var label in _labels) sb.Append(label).Append('\n');
        if (_labels.Count > 0) sb.Append('\n');
        sb.Append("define i64 @").Append(entryPoint).Append("() #0 {\n");
        foreach (var line in _body)
        {
            foreach (var before in line.Before) sb.Append(before).Append('\n');
            sb.Append(line.Text).Append('\n');
        }
        sb.Append("}\n\n");
        foreach (var declaration in _declarations.Values) sb.Append(declaration).Append('\n');
        sb.Append('\n');
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        sb.Append("attributes #0 = { \"entry_point\" \"output_labeling_schema\"=\"").Append(LabelingSchema)
          .Append("\" \"qir_profiles\"=\"").Append(QirProfiles.AttributeValue(profile))
          .Append("\" \"required_num_qubits\"=\"").Append(N(qubits))
          .Append("\" \"required_num_results\"=\"").Append(N(results)).Append("\" }\n");
        sb.Append("attributes #").Append(N(QirTemplates.IrreversibleGroup)).Append(" = { \"irreversible\" }\n\n");
        // The four flags QIR requires (major version 1 or 2), then exactly the optional
        // capabilities the body uses: backward branching for a runtime loop, integer and
        // floating-point computation for runtime classical values (each with the one width it
        // uses, in the specification's form: behaviour Append, a tuple of type names).
        var flags = new List<string>
        {
            $"!{{i32 1, !\"qir_major_version\", i32 {N((int)version)}}}",
            "!{i32 7, !\"qir_minor_version\", i32 0}",
            "!{i32 1, !\"dynamic_qubit_management\", i1 false}",
            "!{i32 1, !\"dynamic_result_management\", i1 false}",
        };
        if (BackwardBranching) flags.Add("!{i32 7, !\"backwards_branching\", i2 2}");
        var widths = new List<string>();
        if (IntComputations) { flags.Add("!{i32 5, !\"int_computations\", !WIDTHS}"); widths.Add("!{!\"i64\"}"); }
        if (FloatComputations) { flags.Add("!{i32 5, !\"float_computations\", !WIDTHS}"); widths.Add("!{!\"double\"}"); }
        sb.Append("!llvm.module.flags = !{").Append(string.Join(", ", flags.Select((_, i) => "!" + N(i)))).Append("}\n\n");
        int next = flags.Count;
        for (int i = 0; i < flags.Count; i++)
        {
            string flag = flags[i].Contains("!WIDTHS", StringComparison.Ordinal) ? flags[i].Replace("!WIDTHS", "!" + N(next++), StringComparison.Ordinal) : flags[i];
            sb.Append('!').Append(N(i)).Append(" = ").Append(flag).Append('\n');
        }
        for (int i = 0; i < widths.Count; i++) sb.Append('!').Append(N(flags.Count + i)).Append(" = ").Append(widths[i]).Append('\n');
        return sb.ToString();
    }
}
