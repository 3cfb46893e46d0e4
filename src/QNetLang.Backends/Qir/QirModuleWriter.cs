using System.Globalization;
using System.Text;

namespace QNetLang.Backends.Qir;

/// <summary>
/// Assembles one QIR 2.0 module from the entry point's blocks: header comments, output labels,
/// the entry point with its attributes, the declarations of the functions it calls (sorted, so the
/// text is deterministic), the attribute groups and the four required module flags.
/// </summary>
public sealed class QirModuleWriter
{
    /// <summary>The value of <c>"output_labeling_schema"</c>: labels are the program's bit names.</summary>
    public const string LabelingSchema = "qnetlang_bit_names";

    private readonly List<string> _comments = [];
    private readonly List<string> _labels = [];
    private readonly List<string> _body = [];
    private readonly SortedDictionary<string, string> _declarations = new(StringComparer.Ordinal);

    public void Comment(string text) => _comments.Add(text);

    /// <summary>Adds an output label and returns the number of its global.</summary>
    public int AddLabel(string text)
    {
        int id = _labels.Count;
        _labels.Add(QirTemplates.Label(id, text));
        return id;
    }

    /// <summary>Starts a basic block.</summary>
    public void Block(string label) => _body.Add(label + ":");

    /// <summary>An instruction; a runtime or network function it calls gets its declaration.</summary>
    public void Instruction(string text, string? calls = null, string? comment = null)
    {
        if (calls is not null) _declarations.TryAdd(calls, QirTemplates.Declaration(calls));
        _body.Add("  " + text + (comment is null ? "" : "  ; " + comment));
    }

    public void Gate(string qirName, IReadOnlyList<double> angles, IReadOnlyList<int> qubits)
    {
        _declarations.TryAdd(QirTemplates.GateFunction(qirName), QirTemplates.GateDeclaration(qirName, angles.Count, qubits.Count));
        _body.Add("  " + QirTemplates.Gate(qirName, angles, qubits));
    }

    public string Write(string entryPoint, QirProfile profile, int qubits, int results)
    {
        var sb = new StringBuilder();
        foreach (var comment in _comments) sb.Append("; ").Append(comment).Append('\n');
        sb.Append('\n');
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
        // The four flags QIR 2.0 requires; this backend uses none of the Adaptive Profile's
        // optional capabilities (conditions become branch trees, not i1 arithmetic), so no others.
        sb.Append("!llvm.module.flags = !{!0, !1, !2, !3}\n\n");
        sb.Append("!0 = !{i32 1, !\"qir_major_version\", i32 2}\n");
        sb.Append("!1 = !{i32 7, !\"qir_minor_version\", i32 0}\n");
        sb.Append("!2 = !{i32 1, !\"dynamic_qubit_management\", i1 false}\n");
        sb.Append("!3 = !{i32 1, !\"dynamic_result_management\", i1 false}\n");
        return sb.ToString();
    }
}
