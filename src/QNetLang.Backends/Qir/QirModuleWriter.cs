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
    private readonly List<string> _body = [];
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

    /// <summary>Starts a basic block.</summary>
    public void Block(string label) => _body.Add(label + ":");

    /// <summary>An instruction; a runtime or network function it calls gets its declaration.</summary>
    public void Instruction(string text, string? calls = null, string? comment = null)
    {
        if (calls is not null) _declarations.TryAdd(calls, QirTemplates.Declaration(calls, version));
        _body.Add("  " + text + (comment is null ? "" : "  ; " + comment));
    }

    public void Gate(string qirName, IReadOnlyList<double> angles, IReadOnlyList<int> qubits)
    {
        _declarations.TryAdd(QirTemplates.GateFunction(qirName), QirTemplates.GateDeclaration(qirName, angles.Count, qubits.Count, version));
        _body.Add("  " + QirTemplates.Gate(qirName, angles, qubits, version));
    }

    /// <summary>
    /// Set when the body branches backwards (a runtime loop): the module then declares the Adaptive
    /// Profile's <c>backwards_branching</c> capability with value 2, loops that end on a
    /// measured condition (repeat until success) rather than after a count known beforehand.
    /// </summary>
    public bool BackwardBranching { get; set; }

    public string Write(string entryPoint, QirProfile profile, int qubits, int results)
    {
        var sb = new StringBuilder();
        foreach (var comment in _comments) sb.Append("; ").Append(comment).Append('\n');
        sb.Append('\n');
        if (version == QirVersion.One) sb.Append("%Qubit = type opaque\n%Result = type opaque\n\n");
        foreach (var label in _labels) sb.Append(label).Append('\n');
        if (_labels.Count > 0) sb.Append('\n');
        sb.Append("define i64 @").Append(entryPoint).Append("() #0 {\n");
        foreach (var line in _body) sb.Append(line).Append('\n');
        sb.Append("}\n\n");
        foreach (var declaration in _declarations.Values) sb.Append(declaration).Append('\n');
        sb.Append('\n');
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        sb.Append("attributes #0 = { \"entry_point\" \"output_labeling_schema\"=\"").Append(LabelingSchema)
          .Append("\" \"qir_profiles\"=\"").Append(QirProfiles.AttributeValue(profile))
          .Append("\" \"required_num_qubits\"=\"").Append(N(qubits))
          .Append("\" \"required_num_results\"=\"").Append(N(results)).Append("\" }\n");
        sb.Append("attributes #").Append(N(QirTemplates.IrreversibleGroup)).Append(" = { \"irreversible\" }\n\n");
        // The four flags QIR requires (major version 1 or 2). Of the Adaptive Profile's optional
        // capabilities only backward branching can be needed (conditions become branch trees, not
        // i1 arithmetic), and it is declared only when a loop uses it.
        sb.Append(BackwardBranching ? "!llvm.module.flags = !{!0, !1, !2, !3, !4}\n\n" : "!llvm.module.flags = !{!0, !1, !2, !3}\n\n");
        sb.Append("!0 = !{i32 1, !\"qir_major_version\", i32 ").Append(N((int)version)).Append("}\n");
        sb.Append("!1 = !{i32 7, !\"qir_minor_version\", i32 0}\n");
        sb.Append("!2 = !{i32 1, !\"dynamic_qubit_management\", i1 false}\n");
        sb.Append("!3 = !{i32 1, !\"dynamic_result_management\", i1 false}\n");
        if (BackwardBranching) sb.Append("!4 = !{i32 7, !\"backwards_branching\", i2 2}\n");
        return sb.ToString();
    }
}
