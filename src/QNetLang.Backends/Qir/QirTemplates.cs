using System.Globalization;
using System.Text;

namespace QNetLang.Backends.Qir;

/// <summary>
/// The text of every instruction and declaration the backend emits, one small template each (the
/// Q# compiler's approach: no LLVM library at run time). Qubits and results are QIR 2.0 opaque
/// pointers made from their index: <c>ptr null</c> for 0, <c>ptr inttoptr (i64 N to ptr)</c> otherwise.
/// </summary>
public static class QirTemplates
{
    public const string Initialize = "__quantum__rt__initialize";
    public const string Measure = "__quantum__qis__mz__body";
    public const string Reset = "__quantum__qis__reset__body";
    public const string ReadResult = "__quantum__rt__read_result";
    public const string RecordResult = "__quantum__rt__result_record_output";
    public const string Entangle = "__quantum__net__entangle";
    public const string SendResult = "__quantum__net__send_result";
    public const string ReceiveResult = "__quantum__net__receive_result";
    public const string SendQubit = "__quantum__net__send_qubit";
    public const string ReceiveQubit = "__quantum__net__receive_qubit";

    /// <summary>The label of the attribute group that marks measurement and reset (the QDK's <c>"irreversible"</c>).</summary>
    public const int IrreversibleGroup = 1;

    /// <summary>
    /// The intrinsic's function name as the QDK and qir-runner define it: <c>__quantum__qis__NAME__body</c>,
    /// but an adjoint specialisation (<c>s__adj</c>, <c>t__adj</c>) is its own name without <c>__body</c>.
    /// </summary>
    public static string GateFunction(string qirName) =>
        qirName.EndsWith("__adj", StringComparison.Ordinal) ? $"__quantum__qis__{qirName}" : $"__quantum__qis__{qirName}__body";

    public static string Pointer(int index) =>
        index == 0 ? "ptr null" : "ptr inttoptr (i64 " + index.ToString(CultureInfo.InvariantCulture) + " to ptr)";

    /// <summary>
    /// A double as LLVM's exact hexadecimal form: decimal text would have to round-trip through
    /// LLVM's parser, the bit pattern always does, and the same angle always gives the same bytes.
    /// </summary>
    public static string Double(double value) =>
        "double 0x" + BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value).ToString("X16", CultureInfo.InvariantCulture);

    public static string Int(long value) => "i64 " + value.ToString(CultureInfo.InvariantCulture);

    public static string Call(string function, IEnumerable<string> arguments) =>
        $"call void @{function}({string.Join(", ", arguments)})";

    public static string Gate(string qirName, IEnumerable<double> angles, IEnumerable<int> qubits) =>
        Call(GateFunction(qirName), angles.Select(Double).Concat(qubits.Select(Pointer)));

    public static string MeasureInto(int qubit, int result) => Call(Measure, [Pointer(qubit), Pointer(result)]);

    public static string ResetQubit(int qubit) => Call(Reset, [Pointer(qubit)]);

    public static string Read(string value, int result) => $"%{value} = call i1 @{ReadResult}({Pointer(result)})";

    public static string Branch(string value, string then, string otherwise) => $"br i1 %{value}, label %{then}, label %{otherwise}";

    public static string Jump(string label) => $"br label %{label}";

    public static string Record(int result, int label) => Call(RecordResult, [Pointer(result), "ptr @" + label.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>The declaration of a function the module calls; measurement and reset carry the irreversible group.</summary>
    public static string Declaration(string function) => function switch
    {
        Initialize => $"declare void @{function}(ptr)",
        Measure => $"declare void @{function}(ptr, ptr writeonly) #{IrreversibleGroup}",
        Reset => $"declare void @{function}(ptr) #{IrreversibleGroup}",
        ReadResult => $"declare i1 @{function}(ptr readonly)",
        RecordResult => $"declare void @{function}(ptr, ptr)",
        Entangle or SendQubit or SendResult => $"declare void @{function}(i64, ptr)",
        ReceiveResult => $"declare void @{function}(i64, ptr writeonly)",
        ReceiveQubit => $"declare void @{function}(i64, ptr, ptr writeonly)",
        _ => throw new ArgumentException($"no declaration template for '{function}'", nameof(function)),
    };

    /// <summary>A gate's declaration: its angles as doubles, then its qubits.</summary>
    public static string GateDeclaration(string qirName, int angles, int qubits) =>
        $"declare void @{GateFunction(qirName)}({string.Join(", ", Enumerable.Repeat("double", angles).Concat(Enumerable.Repeat("ptr", qubits)))})";

    /// <summary>A global null-terminated string for an output label; bytes outside printable ASCII, quotes and backslashes are escaped.</summary>
    public static string Label(int id, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sb = new StringBuilder();
        foreach (byte b in bytes)
        {
            if (b is >= 0x20 and < 0x7F && b != (byte)'"' && b != (byte)'\\') sb.Append((char)b);
            else sb.Append('\\').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return $"@{id.ToString(CultureInfo.InvariantCulture)} = internal constant [{(bytes.Length + 1).ToString(CultureInfo.InvariantCulture)} x i8] c\"{sb}\\00\"";
    }

    /// <summary>A name made safe as an LLVM identifier: anything outside [A-Za-z0-9_.] becomes '_'.</summary>
    public static string Identifier(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '_').ToArray());
}
