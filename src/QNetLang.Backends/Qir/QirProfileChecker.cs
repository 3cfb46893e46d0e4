using System.Globalization;
using System.Text.RegularExpressions;
using QNetLang.Core;

namespace QNetLang.Backends.Qir;

/// <summary>
/// Checks that a QIR module keeps to the profile its entry point names (docs/qir.md): the four
/// required module flags with static qubit and result management; only the instructions the
/// profile allows (Base: calls, unconditional forward <c>br</c>, one <c>ret</c>; Adaptive: also
/// <c>read_result</c>, conditional forward branches, <c>phi</c> and logic on <c>i1</c>); every
/// optional capability that is used declared as a module flag and every declared one used;
/// qubit and result indices below <c>required_num_qubits</c> / <c>required_num_results</c>; and
/// in the Base Profile no qubit used after a measurement or reset.
/// </summary>
public static class QirProfileChecker
{
    /// <summary>Optional Adaptive Profile capabilities (module flags) and what using each means, for messages.</summary>
    private static readonly IReadOnlyDictionary<string, string> Capabilities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["int_computations"] = "integer computation",
        ["float_computations"] = "floating-point computation",
        ["ir_functions"] = "call to a function defined in the module",
        ["backwards_branching"] = "backward branch",
        ["multiple_target_branching"] = "switch",
        ["multiple_return_points"] = "second ret",
    };

    private static readonly HashSet<string> IntegerOps = new(StringComparer.Ordinal)
    {
        "add", "sub", "mul", "udiv", "sdiv", "urem", "srem", "and", "or", "xor", "shl", "lshr", "ashr", "icmp", "zext", "sext", "trunc", "select",
    };

    private static readonly HashSet<string> FloatOps = new(StringComparer.Ordinal)
    {
        "fadd", "fsub", "fmul", "fdiv", "frem", "fneg", "fcmp", "fptosi", "fptoui", "sitofp", "uitofp", "fpext", "fptrunc",
    };

    /// <summary>
    /// A constant qubit or result pointer as QIR writes it: opaque (<c>ptr</c>, QIR 2.0) or typed
    /// (<c>%Qubit*</c>, <c>%Result*</c>, QIR 1.0), with any call-site parameter attributes
    /// (<c>nonnull</c>, <c>writeonly</c>, <c>readonly</c>, <c>noundef</c>…), then <c>null</c> or
    /// <c>inttoptr (i64 N to …)</c>.
    /// </summary>
    private static readonly Regex PointerPattern = new(@"^(?:ptr|%Qubit\*|%Result\*)(?:\s+(?:nonnull|noundef|writeonly|readonly|readnone|nocapture|noalias|align\s+\d+|dereferenceable\(\d+\)))*\s+(?:(null)|inttoptr\s*\(\s*i64\s+(\d+)\s+to\s+(?:ptr|%Qubit\*|%Result\*)\s*\))$", RegexOptions.CultureInvariant);
    private static readonly Regex CallPattern = new(@"\bcall\b[^@]*@([-\w$.]+)\s*\((.*)\)\s*(?:#\d+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelPattern = new(@"^([-\w$.]+):$", RegexOptions.CultureInvariant);
    private static readonly Regex TargetPattern = new(@"label\s+%([-\w$.]+)", RegexOptions.CultureInvariant);

    public static IReadOnlyList<Diagnostic> Check(SourceText source) => new Run(new QirModuleText(source)).Check();

    private sealed class Run(QirModuleText module)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);
        private readonly HashSet<int> _measured = [];
        private readonly HashSet<int> _reported = [];
        private QirProfile _profile;
        private long _qubits;
        private long _results;

        public IReadOnlyList<Diagnostic> Check()
        {
            var first = new QirLine(1, 0, "");
            foreach (var line in module.Unreadable) Report(line, Diagnostics.MalformedQir, "cannot read this definition: the body must open with '{' on the define line");
            var entries = module.Functions.Where(f => f.AttributeGroup is { } g && module.AttributeGroups.TryGetValue(g, out var a) && a.ContainsKey("entry_point")).ToList();
            if (entries.Count != 1)
            {
                Report(entries.Count > 1 ? entries[1].Header : first, Diagnostics.MalformedQir,
                    entries.Count == 0 ? "no entry point: no function definition has the \"entry_point\" attribute" : "more than one entry point");
                return _diagnostics;
            }
            var entry = entries[0];
            if (!EntryAttributes(entry)) return _diagnostics;
            RequiredFlags(first);
            Body(entry);
            foreach (var function in module.Functions.Where(f => f != entry))
                if (!_used.Contains("ir_functions")) Need(function.Header, "ir_functions", $"the function '@{function.Name}'");
            // A capability declared but not used is a warning: the module is still valid (the QDK and
            // the specification's own example declare capabilities they do not use), but a target
            // without the capability may reject it needlessly. In the Base Profile using one is an error anyway.
            foreach (var flag in module.Flags.Values.Where(f => Capabilities.ContainsKey(f.Name) && f.IsEnabled))
                if (!_used.Contains(flag.Name)) Report(flag.Line, Diagnostics.QirUnusedCapability, flag.Name, Capabilities[flag.Name]);
            return [.. _diagnostics.OrderBy(d => d.Location.Span.Start)];
        }

        private bool EntryAttributes(QirFunction entry)
        {
            var attributes = module.AttributeGroups[entry.AttributeGroup!.Value];
            bool ok = true;
            foreach (var name in new[] { "qir_profiles", "output_labeling_schema", "required_num_qubits", "required_num_results" })
            {
                if (attributes.ContainsKey(name)) continue;
                Report(entry.Header, Diagnostics.MalformedQir, $"the entry point lacks the \"{name}\" attribute");
                ok = false;
            }
            if (!ok) return false;
            if (!QirProfiles.TryParse(attributes["qir_profiles"], out _profile))
                return Fail(entry.Header, $"unknown profile \"{attributes["qir_profiles"]}\": expected \"base_profile\" or \"adaptive_profile\"");
            if (!long.TryParse(attributes["required_num_qubits"], NumberStyles.None, CultureInfo.InvariantCulture, out _qubits))
                return Fail(entry.Header, "\"required_num_qubits\" is not a non-negative integer");
            if (!long.TryParse(attributes["required_num_results"], NumberStyles.None, CultureInfo.InvariantCulture, out _results))
                return Fail(entry.Header, "\"required_num_results\" is not a non-negative integer");
            return true;
        }

        private void RequiredFlags(QirLine first)
        {
            foreach (var (name, pattern) in new[] { ("qir_major_version", @"^i32\s+\d+$"), ("qir_minor_version", @"^i32\s+\d+$"), ("dynamic_qubit_management", @"^i1\s+false$"), ("dynamic_result_management", @"^i1\s+false$") })
            {
                if (!module.Flags.TryGetValue(name, out var flag)) Report(first, Diagnostics.MalformedQir, $"the module lacks the required '{name}' module flag");
                else if (!Regex.IsMatch(flag.Value, pattern)) Report(flag.Line, Diagnostics.MalformedQir, $"the '{name}' module flag must be {(name.StartsWith("dynamic", StringComparison.Ordinal) ? "i1 false: profiles use static qubit and result indices" : "an i32")}");
            }
        }

        private void Body(QirFunction entry)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string current = "";
            int returns = 0;
            bool recording = false;
            foreach (var line in entry.Body)
            {
                var label = LabelPattern.Match(line.Text);
                if (label.Success)
                {
                    recording = false;
                    current = label.Groups[1].Value;
                    seen.Add(current);
                    continue;
                }
                string text = Regex.Replace(line.Text, @"^%[-\w$.]+\s*=\s*", "");
                string[] words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                string op = words[0] is "tail" or "musttail" or "notail" && words.Length > 1 ? words[1] : words[0];
                // Output recording ends the program: only more recording and the return may follow it.
                bool records = op == "call" && Regex.IsMatch(text, @"@__quantum__rt__\w+_record_output\s*\(");
                if (recording && !records && op != "ret")
                    Report(line, Diagnostics.QirInstructionNotAllowed, $"'{op}' after output recording (only recording calls and 'ret' may follow it)", _profile == QirProfile.Base ? "base profile" : "adaptive profile");
                if (records) recording = true;
                switch (op)
                {
                    case "call":
                        Call(line, text);
                        break;
                    case "ret":
                        if (++returns > 1) Need(line, "multiple_return_points", "a second 'ret'");
                        break;
                    case "br":
                        bool conditional = text.StartsWith("br i1", StringComparison.Ordinal);
                        if (conditional && _profile == QirProfile.Base) Report(line, Diagnostics.QirInstructionNotAllowed, "a conditional branch", "base profile");
                        foreach (Match target in TargetPattern.Matches(text))
                        {
                            string to = target.Groups[1].Value;
                            if (!seen.Contains(to) && to != current) continue;
                            if (Enabled("backwards_branching") && _profile == QirProfile.Adaptive) _used.Add("backwards_branching");
                            else Report(line, Diagnostics.QirBackwardBranch, to);
                        }
                        break;
                    case "switch":
                        if (_profile == QirProfile.Base) Report(line, Diagnostics.QirInstructionNotAllowed, "'switch'", "base profile");
                        else Need(line, "multiple_target_branching", "'switch'");
                        break;
                    case "phi":
                        if (_profile == QirProfile.Base) Report(line, Diagnostics.QirInstructionNotAllowed, "'phi'", "base profile");
                        // A phi of i1 merges branch outcomes (the minimum); of a number it carries a computed value.
                        else if (Regex.IsMatch(text, @"^phi\s+(half|float|double)\b")) Need(line, "float_computations", "'phi' of a floating-point value");
                        else if (!Regex.IsMatch(text, @"^phi\s+i1\s")) Need(line, "int_computations", "'phi' of an integer value");
                        break;
                    default:
                        if (IntegerOps.Contains(op) || FloatOps.Contains(op))
                        {
                            // select's first operand is always an i1: the type of what it selects decides.
                            bool onBits = op == "select" ? Regex.IsMatch(text, @"^select\s+i1\s+[^,]+,\s*i1\s") : Regex.IsMatch(text, @"^\w+(\s+(eq|ne|ult|ugt|ule|uge|slt|sgt|sle|sge))?\s+i1\s");
                            bool onFloats = op == "select" && Regex.IsMatch(text, @"^select\s+i1\s+[^,]+,\s*(half|float|double)\s");
                            if (_profile == QirProfile.Base) Report(line, Diagnostics.QirInstructionNotAllowed, $"'{op}'", "base profile");
                            else if (FloatOps.Contains(op) || onFloats) Need(line, "float_computations", $"'{op}'");
                            // Logic on i1 is part of the Adaptive Profile's minimum (needed to branch on results).
                            else if (!onBits || op is "zext" or "sext") Need(line, "int_computations", $"'{op}'");
                        }
                        else Report(line, Diagnostics.QirInstructionNotAllowed, $"'{op}'", _profile == QirProfile.Base ? "base profile" : "adaptive profile");
                        break;
                }
            }
        }

        private void Call(QirLine line, string text)
        {
            var m = CallPattern.Match(text);
            if (!m.Success)
            {
                Report(line, Diagnostics.MalformedQir, "cannot read this call");
                return;
            }
            string callee = m.Groups[1].Value;
            var args = SplitArguments(m.Groups[2].Value);
            string kinds = ArgumentKinds(callee, args);
            if (module.Functions.Any(f => f.Name == callee))
            {
                Need(line, "ir_functions", $"the call to '@{callee}'");
                return;
            }
            if (kinds == "?")
            {
                Report(line, Diagnostics.QirInstructionNotAllowed, $"the call to '@{callee}' (not a QIR runtime, instruction-set or network function)", _profile == QirProfile.Base ? "base profile" : "adaptive profile");
                return;
            }
            bool feedForward = callee.StartsWith("__quantum__rt__read_result", StringComparison.Ordinal) || callee.EndsWith("read_result__body", StringComparison.Ordinal)
                || callee is QirTemplates.SendResult or QirTemplates.ReceiveResult or QirTemplates.ReceiveQubit;
            if (feedForward && _profile == QirProfile.Base)
                Report(line, Diagnostics.QirInstructionNotAllowed, $"'@{callee}' (it reads or receives a result at run time)", "base profile");
            for (int i = 0; i < args.Count && i < kinds.Length; i++)
            {
                if (kinds[i] is not ('q' or 'r')) continue;
                var p = PointerPattern.Match(args[i]);
                if (!p.Success)
                {
                    Report(line, Diagnostics.MalformedQir, $"argument {i + 1} of '@{callee}' must be a constant {(kinds[i] == 'q' ? "qubit" : "result")} pointer (ptr null or inttoptr), found '{args[i]}'");
                    continue;
                }
                long index = p.Groups[1].Success ? 0 : long.Parse(p.Groups[2].Value, CultureInfo.InvariantCulture);
                if (kinds[i] == 'q')
                {
                    if (index >= _qubits) Report(line, Diagnostics.QirIndexOutOfRange, "qubit", index, "required_num_qubits", _qubits);
                    else if (_profile == QirProfile.Base && _measured.Contains((int)index) && _reported.Add((int)index)) Report(line, Diagnostics.QirUseAfterMeasurement, index);
                }
                else if (index >= _results) Report(line, Diagnostics.QirIndexOutOfRange, "result", index, "required_num_results", _results);
            }
            if (IsIrreversible(callee) && args.Count > 0 && PointerPattern.Match(args[0]) is { Success: true } q)
                _measured.Add(q.Groups[1].Success ? 0 : (int)Math.Min(int.MaxValue, long.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture)));
        }

        /// <summary>What each argument of a known function is: q qubit, r result, anything else unchecked; "?" for an unknown function.</summary>
        private static string ArgumentKinds(string callee, IReadOnlyList<string> args) => callee switch
        {
            QirTemplates.Initialize => "-",
            QirTemplates.RecordResult => "r-",
            // Tuple, array, bool, int and double output take a count or value and a label, nothing to check.
            _ when callee.StartsWith("__quantum__rt__", StringComparison.Ordinal) && callee.EndsWith("_record_output", StringComparison.Ordinal) => new string('-', args.Count),
            _ when callee.StartsWith("__quantum__rt__read_result", StringComparison.Ordinal) || callee == "__quantum__qis__read_result__body" => "r",
            QirTemplates.Entangle or QirTemplates.SendQubit => "-q",
            QirTemplates.SendResult or QirTemplates.ReceiveResult => "-r",
            // A computed bit sent as a value: a message number and an i1, nothing to check.
            QirTemplates.SendBool => "--",
            QirTemplates.ReceiveQubit => "-qr",
            "__quantum__qis__mz__body" or "__quantum__qis__m__body" or "__quantum__qis__mresetz__body" => "qr",
            _ when callee.StartsWith("__quantum__qis__", StringComparison.Ordinal) =>
                new string(args.Select(a => a.StartsWith("ptr", StringComparison.Ordinal) || a.StartsWith("%Qubit*", StringComparison.Ordinal) ? 'q'
                    : a.StartsWith("%Result*", StringComparison.Ordinal) ? 'r' : '-').ToArray()),
            _ => "?",
        };

        private static bool IsIrreversible(string callee) =>
            callee is "__quantum__qis__mz__body" or "__quantum__qis__m__body" or "__quantum__qis__mresetz__body" or QirTemplates.Reset;

        private static List<string> SplitArguments(string text)
        {
            var args = new List<string>();
            int depth = 0, start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] is '(' or '[' or '{' or '<') depth++;
                else if (text[i] is ')' or ']' or '}' or '>') depth--;
                else if (text[i] == ',' && depth == 0)
                {
                    args.Add(text[start..i].Trim());
                    start = i + 1;
                }
            }
            if (text.Trim().Length > 0) args.Add(text[start..].Trim());
            return args;
        }

        private bool Enabled(string flag) => module.Flags.TryGetValue(flag, out var f) && f.IsEnabled;

        /// <summary>Records that a capability is used, reporting it when the module does not declare it.</summary>
        private void Need(QirLine line, string flag, string what)
        {
            if (_profile == QirProfile.Base) Report(line, Diagnostics.QirInstructionNotAllowed, what, "base profile");
            else if (Enabled(flag)) _used.Add(flag);
            else Report(line, Diagnostics.QirUndeclaredCapability, what, flag);
        }

        private bool Fail(QirLine line, string message)
        {
            Report(line, Diagnostics.MalformedQir, message);
            return false;
        }

        private void Report(QirLine line, DiagnosticDescriptor descriptor, params object?[] args) =>
            _diagnostics.Add(new Diagnostic(descriptor.Code, descriptor.Severity, new Location(module.Source, new TextSpan(line.Offset, line.Text.Length)), descriptor.Format(args)));
    }
}
