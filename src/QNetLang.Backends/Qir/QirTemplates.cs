using System.Globalization;
using System.Text;

namespace QNetLang.Backends.Qir;

/// <summary>
/// The text of every instruction and declaration the backend emits, one small template each (the
/// Q# compiler's approach: no LLVM library at run time). Qubits and results are pointers made from
/// their index: <c>ptr null</c> for 0, <c>ptr inttoptr (i64 N to ptr)</c> otherwise (QIR 2.0), or
/// the same on the typed pointers <c>%Qubit*</c> and <c>%Result*</c> (QIR 1.0).
/// </summary>
public static class QirTemplates
{
    public const string Initialize = "__quantum__rt__initialize";
    public const string Measure = "__quantum__qis__mz__body";
    public const string Reset = "__quantum__qis__reset__body";
    public const string ReadResult = "__quantum__rt__read_result";
    public const string RecordResult = "__quantum__rt__result_record_output";
    public const string RecordTuple = "__quantum__rt__tuple_record_output";
    public const string RecordArray = "__quantum__rt__array_record_output";
    public const string RecordBool = "__quantum__rt__bool_record_output";
    public const string Entangle = "__quantum__net__entangle";
    public const string SendResult = "__quantum__net__send_result";
    public const string ReceiveResult = "__quantum__net__receive_result";
    public const string SendQubit = "__quantum__net__send_qubit";
    public const string ReceiveQubit = "__quantum__net__receive_qubit";
    public const string SendBool = "__quantum__net__send_bool";

    /// <summary>The label of the attribute group that marks measurement and reset (the QDK's <c>"irreversible"</c>).</summary>
    public const int IrreversibleGroup = 1;

    /// <summary>
    /// The intrinsic's function name as the QDK and qir-runner define it: <c>__quantum__qis__NAME__body</c>,
    /// but an adjoint specialisation (<c>s__adj</c>, <c>t__adj</c>) is its own name without <c>__body</c>.
    /// </summary>
    public static string GateFunction(string qirName) =>
        qirName.EndsWith("__adj", StringComparison.Ordinal) ? $"__quantum__qis__{qirName}" : $"__quantum__qis__{qirName}__body";

    /// <summary>A qubit operand: <c>ptr null</c> / <c>ptr inttoptr (i64 N to ptr)</c>, or with QIR 1.0 the same on <c>%Qubit*</c>.</summary>
    public static string Qubit(int index, QirVersion version) => Pointer(index, version == QirVersion.One ? "%Qubit*" : "ptr");

    /// <summary>A result operand: like <see cref="Qubit"/>, on <c>%Result*</c> with QIR 1.0.</summary>
    public static string Result(int index, QirVersion version) => Pointer(index, version == QirVersion.One ? "%Result*" : "ptr");

    private static string Pointer(int index, string type) =>
        index == 0 ? type + " null" : $"{type} inttoptr (i64 {index.ToString(CultureInfo.InvariantCulture)} to {type})";

    /// <summary>The type of an untyped pointer (the initialisation argument, output labels).</summary>
    public static string BytePointer(QirVersion version) => version == QirVersion.One ? "i8*" : "ptr";

    /// <summary>
    /// An output label: <c>ptr @N</c>, or with QIR 1.0 the address of the string's first byte
    /// (<c>getelementptr</c>, as typed pointers need an <c>i8*</c>).
    /// </summary>
    public static string LabelPointer(int label, int bytes, QirVersion version)
    {
        string id = label.ToString(CultureInfo.InvariantCulture);
        if (version == QirVersion.Two) return "ptr @" + id;
        string array = $"[{bytes.ToString(CultureInfo.InvariantCulture)} x i8]";
        return $"i8* getelementptr inbounds ({array}, {array}* @{id}, i64 0, i64 0)";
    }

    /// <summary>
    /// A double as LLVM's exact hexadecimal form: decimal text would have to round-trip through
    /// LLVM's parser, the bit pattern always does, and the same angle always gives the same bytes.
    /// </summary>
    public static string Double(double value) =>
        "double 0x" + BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value).ToString("X16", CultureInfo.InvariantCulture);

    public static string Int(long value) => "i64 " + value.ToString(CultureInfo.InvariantCulture);

    public static string Call(string function, IEnumerable<string> arguments) =>
        $"call void @{function}({string.Join(", ", arguments)})";

    public static string InitializeCall(QirVersion version) => Call(Initialize, [BytePointer(version) + " null"]);

    public static string Gate(string qirName, IEnumerable<double> angles, IEnumerable<int> qubits, QirVersion version) =>
        Call(GateFunction(qirName), angles.Select(Double).Concat(qubits.Select(q => Qubit(q, version))));

    public static string MeasureInto(int qubit, int result, QirVersion version) => Call(Measure, [Qubit(qubit, version), Result(result, version)]);

    public static string ResetQubit(int qubit, QirVersion version) => Call(Reset, [Qubit(qubit, version)]);

    public static string Read(string value, int result, QirVersion version) => $"%{value} = call i1 @{ReadResult}({Result(result, version)})";

    public static string Branch(string value, string then, string otherwise) => $"br i1 %{value}, label %{then}, label %{otherwise}";

    public static string Jump(string label) => $"br label %{label}";

    public static string Record(int result, string label, QirVersion version) => Call(RecordResult, [Result(result, version), label]);

    /// <summary>Opens a group of <paramref name="count"/> items in the output: <c>tuple_record_output</c> or <c>array_record_output</c>.</summary>
    public static string RecordGroup(string function, int count, string label) => Call(function, [Int(count), label]);

    /// <summary>The declaration of a function the module calls; measurement and reset carry the irreversible group.</summary>
    public static string Declaration(string function, QirVersion version)
    {
        bool typed = version == QirVersion.One;
        string q = typed ? "%Qubit*" : "ptr", r = typed ? "%Result*" : "ptr", b = BytePointer(version);
        return function switch
        {
            Initialize => $"declare void @{function}({b})",
            Measure => $"declare void @{function}({q}, {r} writeonly) #{IrreversibleGroup}",
            Reset => $"declare void @{function}({q}) #{IrreversibleGroup}",
            ReadResult => $"declare i1 @{function}({r} readonly)",
            RecordResult => $"declare void @{function}({r}, {b})",
            RecordTuple or RecordArray => $"declare void @{function}(i64, {b})",
            RecordBool => $"declare void @{function}(i1, {b})",
            SendBool => $"declare void @{function}(i64, i1)",
            Entangle or SendQubit => $"declare void @{function}(i64, {q})",
            SendResult => $"declare void @{function}(i64, {r})",
            ReceiveResult => $"declare void @{function}(i64, {r} writeonly)",
            ReceiveQubit => $"declare void @{function}(i64, {q}, {r} writeonly)",
            _ => throw new ArgumentException($"no declaration template for '{function}'", nameof(function)),
        };
    }

    /// <summary>A gate's declaration: its angles as doubles, then its qubits.</summary>
    public static string GateDeclaration(string qirName, int angles, int qubits, QirVersion version) =>
        $"declare void @{GateFunction(qirName)}({string.Join(", ", Enumerable.Repeat("double", angles).Concat(Enumerable.Repeat(version == QirVersion.One ? "%Qubit*" : "ptr", qubits)))})";

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
