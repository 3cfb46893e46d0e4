using System.Collections.Immutable;
using System.Globalization;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// Reads one per-node OpenQASM 3 file in the form <see cref="NodeQasmEmitter"/> writes: one
/// statement per line; gates, measurements, resets and barriers on the local register `q`;
/// the network calls `entangle`, `send_bit`, `receive_bit`, `send_qubit`, `receive_qubit`; and
/// `if (...) { ... } else { ... }` over bits. The header (version, includes, externs, gate
/// definitions of non-standard gates, declarations) is checked where it matters and
/// otherwise skipped; gate names are the catalog's, so a definition adds nothing.
/// </summary>
internal sealed class NodeQasmReader
{
    private readonly SourceText _source;
    private readonly string _node;
    private readonly ImmutableArray<int> _local;
    private readonly NodeFileContext _context;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, int> _bitByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<int>> _bitsOfRegister = new(StringComparer.Ordinal);
    private int _line;

    private NodeQasmReader(SourceText source, string node, ImmutableArray<int> local, NodeFileContext context, DiagnosticBag diagnostics)
    {
        _source = source;
        _node = node;
        _local = local;
        _context = context;
        _diagnostics = diagnostics;
        var (_, references) = QasmNames.BitRegisters(context.Bits);
        for (int b = 0; b < references.Length; b++) _bitByReference[references[b]] = b;
        foreach (var register in context.Bits.GroupBy(QasmNames.RegisterOf))
            _bitsOfRegister[register.Key] = [.. register.OrderBy(b => b.Element ?? 0).Select(b => b.Index)];
    }

    public static ImmutableArray<NodeInstruction>? Read(SourceText source, string node, ImmutableArray<int> local, NodeFileContext context, DiagnosticBag diagnostics)
    {
        var reader = new NodeQasmReader(source, node, local, context, diagnostics);
        try
        {
            return reader.ReadAll();
        }
        catch (FormatException ex)
        {
            int line = Math.Min(reader._line, source.LineCount - 1);
            var (start, end) = reader.LineBounds(Math.Max(0, line));
            diagnostics.Report(Diagnostics.MalformedNodeProgram, new Location(source, new TextSpan(start, end - start)), ex.Message);
            return null;
        }
    }

    /// <summary>An open block: the instructions so far, and for an if its condition and then-branch.</summary>
    private sealed class Block(Condition? condition, bool isLoop = false)
    {
        public Condition? Condition { get; } = condition;
        public bool IsLoop { get; } = isLoop;
        public ImmutableArray<NodeInstruction>.Builder Instructions { get; } = ImmutableArray.CreateBuilder<NodeInstruction>();
        public ImmutableArray<NodeInstruction>? Then { get; set; }
    }

    private ImmutableArray<NodeInstruction> ReadAll()
    {
        var blocks = new Stack<Block>();
        blocks.Push(new Block(null));
        bool sawVersion = false;
        for (_line = 0; _line < _source.LineCount; _line++)
        {
            string line = StripComment(LineText(_line)).Trim();
            if (line.Length == 0) continue;
            if (!sawVersion)
            {
                if (line != "OPENQASM 3.0;") throw new FormatException("a per-node program starts with `OPENQASM 3.0;`");
                sawVersion = true;
                continue;
            }
            if (line.StartsWith("include ", StringComparison.Ordinal) || line.StartsWith("extern ", StringComparison.Ordinal)
                || line.StartsWith("gate ", StringComparison.Ordinal) || line.StartsWith("bit ", StringComparison.Ordinal) || line.StartsWith("bit[", StringComparison.Ordinal))
                continue;
            if (line.StartsWith("qubit[", StringComparison.Ordinal))
            {
                string size = Between(line, "qubit[", "] q;");
                if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n != _local.Length)
                    throw new FormatException($"the manifest gives {_node} {_local.Length} qubit(s), but the file declares `{line}`");
                continue;
            }
            if (line.StartsWith("if (", StringComparison.Ordinal) && line.EndsWith(") {", StringComparison.Ordinal))
            {
                blocks.Push(new Block(ParseCondition(line[4..^3])));
                continue;
            }
            if (line.StartsWith("while (", StringComparison.Ordinal) && line.EndsWith(") {", StringComparison.Ordinal))
            {
                blocks.Push(new Block(ParseCondition(line[7..^3]), isLoop: true));
                continue;
            }
            if (line == "} else {")
            {
                var open = blocks.Peek();
                if (open.Condition is null || open.IsLoop || open.Then is not null) throw new FormatException("`else` without an open `if`");
                open.Then = open.Instructions.ToImmutable();
                open.Instructions.Clear();
                continue;
            }
            if (line == "}")
            {
                var closed = blocks.Pop();
                if (closed.Condition is null || blocks.Count == 0) throw new FormatException("`}` without an open `if` or `while`");
                var then = closed.Then ?? closed.Instructions.ToImmutable();
                var @else = closed.Then is null ? ImmutableArray<NodeInstruction>.Empty : closed.Instructions.ToImmutable();
                blocks.Peek().Instructions.Add(new ConditionalInstruction(closed.Condition, then, @else) { IsLoop = closed.IsLoop });
                continue;
            }
            if (!line.EndsWith(';')) throw new FormatException($"expected a statement ending in `;`, found `{line}`");
            blocks.Peek().Instructions.Add(Statement(line[..^1].Trim()));
        }
        if (!sawVersion) throw new FormatException("the file is empty");
        if (blocks.Count != 1) throw new FormatException("an `if` or `while` block is not closed");
        return blocks.Pop().Instructions.ToImmutable();
    }

    private NodeInstruction Statement(string text)
    {
        string? target = null;
        int assign = text.IndexOf(" = ", StringComparison.Ordinal);
        if (assign > 0)
        {
            target = text[..assign].Trim();
            text = text[(assign + 3)..].Trim();
        }
        if (Call(text, "entangle") is { } entangle && target is null)
        {
            int pair = Number(entangle[0]);
            if (!_context.Pairs.TryGetValue(pair, out var ends) || (ends.First != _node && ends.Second != _node))
                throw new FormatException($"pair {pair} has no end at {_node} in the manifest");
            bool first = ends.First == _node;
            return new EntangleInstruction(pair, LocalQubit(entangle[1]), first ? ends.Second : ends.First, first ? ends.Path : [.. ends.Path.Reverse()]);
        }
        if (Call(text, "send_bit") is { } sendBit && target is null)
            return new SendBitInstruction(Number(sendBit[0]), Bit(sendBit[1]), MessageOf("bit", Number(sendBit[0]), sending: true));
        if (Call(text, "receive_bit") is { } receiveBit && target is not null)
            return new ReceiveBitInstruction(Number(receiveBit[0]), Bit(target), MessageOf("bit", Number(receiveBit[0]), sending: false));
        if (Call(text, "send_qubit") is { } sendQubit && target is null)
            return new SendQubitInstruction(Number(sendQubit[0]), LocalQubit(sendQubit[1]), MessageOf("qubit", Number(sendQubit[0]), sending: true));
        if (Call(text, "receive_qubit") is { } receiveQubit)
            return new ReceiveQubitInstruction(Number(receiveQubit[0]), LocalQubit(receiveQubit[1]), MessageOf("qubit", Number(receiveQubit[0]), sending: false), target is null ? null : Bit(target));
        var at = Location.None;
        if (target is not null && (text.StartsWith("bit(", StringComparison.Ordinal) || text.StartsWith("bit[", StringComparison.Ordinal)))
        {
            // `c = bit[n](VALUE);`: a runtime assignment, written as the conversion of a typed value to the target's bits.
            var targets = Bits(target);
            int open = text.IndexOf('(', StringComparison.Ordinal);
            if (!text.EndsWith(')')) throw new FormatException($"cannot read the assignment `{target} = {text}`");
            var value = ClassicalExpressionParser.Parse(text[(open + 1)..^1].Trim(), Bits);
            return new LocalInstruction(new ClassicalAssignOperation(targets, value, at));
        }
        if (text.StartsWith("measure ", StringComparison.Ordinal))
            return new LocalInstruction(new MeasureOperation(Qubit(text[8..]), target is null ? null : Bit(target), at));
        if (target is not null) throw new FormatException($"cannot assign `{text}` to a bit");
        if (text.StartsWith("reset ", StringComparison.Ordinal))
            return new LocalInstruction(new ResetOperation(Qubit(text[6..]), at));
        if (text.StartsWith("barrier ", StringComparison.Ordinal))
            return new LocalInstruction(new BarrierOperation([.. text[8..].Split(',').Select(Qubit)], at));
        return new LocalInstruction(Gate(text));
    }

    private GateOperation Gate(string text)
    {
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        int paren = text.IndexOf('(', StringComparison.Ordinal);
        string head, operands;
        var parameters = ImmutableArray<double>.Empty;
        var runtime = ImmutableArray<ClassicalExpression>.Empty;
        if (paren >= 0 && (space < 0 || paren < space))
        {
            int close = MatchingParenthesis(text, paren);
            head = text[..paren];
            var arguments = TopLevelSplit(text[(paren + 1)..close]);
            if (arguments.Any(a => ClassicalExpressionParser.StartsTyped(a, 0)))
            {
                // An angle computed at run time: every parameter is a typed expression.
                runtime = [.. arguments.Select(a => ClassicalExpressionParser.Parse(a, Bits))];
                parameters = [.. runtime.Select(_ => 0.0)];
            }
            else parameters = [.. arguments.Select(p => AngleText.Evaluate(p) ?? throw new FormatException($"cannot read the angle `{p}`"))];
            operands = text[(close + 1)..];
        }
        else
        {
            if (space < 0) throw new FormatException($"cannot read the statement `{text}`");
            head = text[..space];
            operands = text[space..];
        }
        string name = head == "U" ? "u" : head;
        if (!GateCatalog.TryGet(name, out var gate)) throw new FormatException($"unknown gate `{head}`");
        var qubits = operands.Split(',').Select(Qubit).ToImmutableArray();
        if (qubits.Length != gate.QubitCount || parameters.Length != gate.ParameterCount)
            throw new FormatException($"{name} takes {gate.ParameterCount} parameter(s) and {gate.QubitCount} qubit(s), not {parameters.Length} and {qubits.Length}");
        return new GateOperation(gate, parameters, qubits, Location.None) { RuntimeParameters = runtime };
    }

    private static int MatchingParenthesis(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        throw new FormatException($"unclosed parameter list in `{text}`");
    }

    /// <summary>The comma-separated parts of a list, not splitting inside parentheses.</summary>
    private static List<string> TopLevelSplit(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }

    /// <summary>Conditions as <see cref="QasmWriter.Condition"/> writes them: <c>c[0]</c>, <c>!c[0]</c>, <c>!(…)</c>, <c>(a &amp;&amp; b)</c>, <c>(a || b)</c>, <c>true</c>.</summary>
    private Condition ParseCondition(string text)
    {
        int position = 0;
        var condition = ParseOperand(text, ref position);
        if (position != text.Length) throw new FormatException($"cannot read the condition `{text}`");
        return condition;
    }

    private Condition ParseOperand(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == '!')
        {
            position++;
            if (position < text.Length && text[position] == '(') return new NotCondition(ParseOperand(text, ref position));
            return new BitCondition(Bit(ReadReference(text, ref position)), false);
        }
        if (position < text.Length && text[position] == '(')
        {
            position++;
            var operands = new List<Condition> { ParseOperand(text, ref position) };
            string? op = null;
            while (true)
            {
                SkipSpaces(text, ref position);
                if (position < text.Length && text[position] == ')')
                {
                    position++;
                    break;
                }
                string next = position + 2 <= text.Length ? text.Substring(position, 2) : "";
                if (next is not ("&&" or "||") || (op is not null && op != next)) throw new FormatException($"cannot read the condition `{text}`");
                op = next;
                position += 2;
                operands.Add(ParseOperand(text, ref position));
            }
            if (op is null) return operands[0];
            return op == "&&" ? new AndCondition([.. operands]) : new OrCondition([.. operands]);
        }
        if (ClassicalExpressionParser.StartsTyped(text, position))
            return new ClassicalCondition(ClassicalExpressionParser.ParseAt(text, ref position, Bits));
        string reference = ReadReference(text, ref position);
        return reference switch
        {
            "true" => new ConstantCondition(true),
            "false" => new ConstantCondition(false),
            _ => new BitCondition(Bit(reference), true),
        };
    }

    private static string ReadReference(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        int start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '[' or ']')) position++;
        if (position == start) throw new FormatException($"expected a bit in the condition `{text}`");
        return text[start..position];
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ') position++;
    }

    /// <summary>The arguments of <c>name(a, b)</c>, or null when the text is not that call.</summary>
    private static string[]? Call(string text, string name) =>
        text.StartsWith(name + "(", StringComparison.Ordinal) && text.EndsWith(')')
            ? text[(name.Length + 1)..^1].Split(',').Select(a => a.Trim()).ToArray()
            : null;

    private string MessageOf(string kind, int id, bool sending)
    {
        if (!_context.Messages.TryGetValue((kind, id), out var message) || (sending ? message.From : message.To) != _node)
            throw new FormatException($"the manifest has no {kind} message {id} {(sending ? "from" : "to")} {_node}");
        return sending ? message.To : message.From;
    }

    /// <summary>The bits a runtime expression reads: one bit by its reference, or a whole register by its name.</summary>
    private ImmutableArray<int> Bits(string reference) =>
        _bitByReference.TryGetValue(reference.Trim(), out int bit) ? [bit]
        : _bitsOfRegister.TryGetValue(reference.Trim(), out var register) ? register
        : throw new FormatException($"`{reference.Trim()}` is not a bit or bit register of the manifest");

    private int Bit(string reference) =>
        _bitByReference.TryGetValue(reference.Trim(), out int bit) ? bit : throw new FormatException($"`{reference.Trim()}` is not a bit of the manifest");

    private int Qubit(string reference)
    {
        string r = reference.Trim();
        if (!r.StartsWith("q[", StringComparison.Ordinal) || !r.EndsWith(']')) throw new FormatException($"expected a local qubit `q[i]`, found `{r}`");
        return LocalQubit(r[2..^1]);
    }

    private int LocalQubit(string index)
    {
        int i = Number(index);
        return i < _local.Length ? _local[i] : throw new FormatException($"local qubit {i} is out of range: {_node} has {_local.Length}");
    }

    private static int Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw new FormatException($"expected a number, found `{text.Trim()}`");

    private static string Between(string text, string start, string end) =>
        text.StartsWith(start, StringComparison.Ordinal) && text.EndsWith(end, StringComparison.Ordinal) && text.Length >= start.Length + end.Length
            ? text[start.Length..^end.Length]
            : "";

    /// <summary>Start and end offsets of a 0-based line, without its line break.</summary>
    private (int Start, int End) LineBounds(int line)
    {
        int start = _source.GetPosition(line + 1, 1);
        int end = line + 1 < _source.LineCount ? _source.GetPosition(line + 2, 1) : _source.Text.Length;
        while (end > start && _source.Text[end - 1] is '\r' or '\n') end--;
        return (start, end);
    }

    private string LineText(int line)
    {
        var (start, end) = LineBounds(line);
        return _source.Text[start..end];
    }

    private static string StripComment(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }
}
