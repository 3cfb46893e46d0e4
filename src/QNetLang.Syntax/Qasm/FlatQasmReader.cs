using System.Collections.Immutable;
using System.Globalization;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// A hand-written reader for flat OpenQASM files — what circuit exporters and benchmark suites
/// write: the header, the standard includes, register declarations, gate calls with constant
/// arguments, measurements, resets, barriers and simple gate definitions. It builds exactly the
/// AST (node for node, span for span) that the ANTLR front end (<see cref="QasmAstBuilder"/>)
/// builds for the same text, several times faster and without a token list or parse tree.
/// </summary>
/// <remarks>
/// It reports nothing. At the first construct outside the subset, or anything ANTLR would
/// report (a syntax error, an unknown version, a missing header, a stray character, a nesting
/// past the limits), it gives up and the whole file goes to the ANTLR front end, which stays the
/// reference: every diagnostic, every partial AST after an error and every file beyond the
/// subset come from one place, so messages cannot depend on which reader saw the file first.
/// Giving up on the whole file rather than resuming ANTLR mid-file keeps the two readers'
/// states (declared registers, defined gates, the prelude) from having to be handed over; the
/// cost is the reader's time up to the construct, at most a fraction of ANTLR's.
/// Tests compare both readers' ASTs, spans included, on every OpenQASM file of the repository
/// and on random flat programs (<c>FlatQasmReaderTests</c>).
/// </remarks>
internal sealed class FlatQasmReader
{
    /// <summary>Deeper expressions go to ANTLR, whose builder limits depth (QN1006); far below its limits.</summary>
    private const int MaxExpressionDepth = 200;

    /// <summary>Thrown at the first thing outside the subset; one instance, since only its type matters.</summary>
    private sealed class NotFlatException : Exception;

    private static readonly NotFlatException NotFlat = new();

    private readonly SourceText _source;
    private readonly string _text;
    private readonly FlatQasmLexer _lexer;
    private FlatToken _token;
    private FlatToken? _peeked;
    private SourceLanguage _language;
    private int _nesting;

    /// <summary>Each distinct identifier and integer spelling is one string, however often the file repeats it.</summary>
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;

    /// <summary>Gate names the file defines and calls, to choose the prelude definitions it needs (as <see cref="QasmAstBuilder"/> does).</summary>
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _called = new(StringComparer.Ordinal);
    private TextSpan? _qelib1Include;

    private FlatQasmReader(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _lexer = new FlatQasmLexer(_text);
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _token = _lexer.Next();
    }

    /// <summary>The AST of a flat file, or null when the file is not flat (the caller then parses it with ANTLR).</summary>
    public static CompilationUnit? TryRead(SourceText source, bool withPrelude)
    {
        try
        {
            return new FlatQasmReader(source).Read(withPrelude);
        }
        catch (NotFlatException)
        {
            return null;
        }
    }

    private CompilationUnit Read(bool withPrelude)
    {
        _language = Header();
        // About one statement per 16 characters in exported circuits: a start that saves most regrowing.
        var statements = ImmutableArray.CreateBuilder<Statement>(Math.Min(_text.Length / 16 + 4, 1 << 24));
        while (_token.Kind != FlatTokenKind.End) Statement(statements, inGate: false);
        var body = statements.DrainToImmutable();
        if (withPrelude && _language == SourceLanguage.OpenQasm2)
            body = Qelib1Prelude.Prepend(body, name => _called.Contains(name) && !_defined.Contains(name), _qelib1Include);
        var whole = new TextSpan(0, _text.Length);
        var name = new Name(QasmProgramName.FromPath(_source.Path), new TextSpan(0, 0));
        return new CompilationUnit(_source, _language, [new ProgramDeclaration(name, null, body, whole)], whole);
    }

    /// <summary><c>OPENQASM 2.0;</c>, <c>OPENQASM 3;</c> or <c>OPENQASM 3.0;</c>; any other header (or none) is ANTLR's to report.</summary>
    private SourceLanguage Header()
    {
        ExpectKeyword("OPENQASM");
        var version = _token;
        if (version.Kind is not (FlatTokenKind.Integer or FlatTokenKind.Float)) throw NotFlat;
        Advance();
        Expect(FlatTokenKind.Semicolon);
        return Spelling(version) switch
        {
            "2.0" => SourceLanguage.OpenQasm2,
            "3" or "3.0" => SourceLanguage.OpenQasm3,
            _ => throw NotFlat,
        };
    }

    private void Statement(ImmutableArray<Statement>.Builder into, bool inGate)
    {
        var first = _token;
        if (first.Kind == FlatTokenKind.Identifier)
        {
            var after = Peek().Kind;
            if (after is FlatTokenKind.Equals or FlatTokenKind.LBracket)
            {
                if (inGate) throw NotFlat;
                MeasureAssignment(into);
            }
            else into.Add(GateCall());
            return;
        }
        if (first.Kind != FlatTokenKind.Keyword) throw NotFlat;
        var keyword = Spelling(first);
        if (inGate && keyword != "barrier") throw NotFlat;
        switch (keyword)
        {
            case "include":
                Include();
                break;
            case "qreg":
            case "creg":
                into.Add(Register(keyword == "qreg"));
                break;
            case "qubit":
            {
                Advance();
                var size = OptionalDesignator();
                var name = ExpectName();
                into.Add(new QubitDeclaration(name, size, null, StatementSpan(first)));
                break;
            }
            case "bit":
                BitDeclaration(into);
                break;
            case "gate":
                into.Add(GateDefinition());
                break;
            case "measure":
            {
                Advance();
                var qubit = Operand();
                Operand? target = null;
                if (_token.Kind == FlatTokenKind.Arrow)
                {
                    Advance();
                    target = Operand();
                }
                into.Add(new MeasureStatement(qubit, target, StatementSpan(first)));
                break;
            }
            case "reset":
            {
                Advance();
                var qubit = Operand();
                into.Add(new ResetStatement(qubit, StatementSpan(first)));
                break;
            }
            case "barrier":
            {
                Advance();
                var operands = _token.Kind == FlatTokenKind.Semicolon ? [] : Operands();
                into.Add(new BarrierStatement(operands, StatementSpan(first)));
                break;
            }
            default:
                throw NotFlat;
        }
    }

    /// <summary><c>include "qelib1.inc";</c> or <c>include "stdgates.inc";</c>: the gates are built in; any other file is ANTLR's to report.</summary>
    private void Include()
    {
        var first = _token;
        Advance();
        var path = _token;
        Expect(FlatTokenKind.String);
        var inner = _text.AsSpan(path.Start + 1, path.Length - 2);
        bool qelib1 = inner.SequenceEqual("qelib1.inc");
        if (!qelib1 && !inner.SequenceEqual("stdgates.inc")) throw NotFlat;
        var span = StatementSpan(first);
        if (qelib1) _qelib1Include ??= span;
    }

    /// <summary><c>qreg q[n];</c> / <c>creg c[n];</c> (the size optional).</summary>
    private Statement Register(bool qubits)
    {
        var first = _token;
        Advance();
        var name = ExpectName();
        var size = OptionalDesignator();
        var span = StatementSpan(first);
        return qubits ? new QubitDeclaration(name, size, null, span) : new BitDeclaration(name, size, span);
    }

    /// <summary><c>bit[n] c;</c>, or <c>bit[n] c = measure q;</c>: the declaration, then the measurement into the whole register.</summary>
    private void BitDeclaration(ImmutableArray<Statement>.Builder into)
    {
        var first = _token;
        Advance();
        var size = OptionalDesignator();
        var name = ExpectName();
        if (_token.Kind != FlatTokenKind.Equals)
        {
            into.Add(new BitDeclaration(name, size, StatementSpan(first)));
            return;
        }
        Advance();
        ExpectKeyword("measure");
        var qubit = Operand();
        var span = StatementSpan(first);
        into.Add(new BitDeclaration(name, size, span));
        into.Add(new MeasureStatement(qubit, new Operand(name, null, name.Span), span));
    }

    /// <summary><c>c = measure q;</c> or <c>c[0] = measure q[0];</c> (OpenQASM 3).</summary>
    private void MeasureAssignment(ImmutableArray<Statement>.Builder into)
    {
        var first = _token;
        var target = Operand();
        Expect(FlatTokenKind.Equals);
        ExpectKeyword("measure");
        var qubit = Operand();
        into.Add(new MeasureStatement(qubit, target, StatementSpan(first)));
    }

    /// <summary><c>gate name(params) a, b { calls and barriers }</c>.</summary>
    private GateDefinition GateDefinition()
    {
        var first = _token;
        Advance();
        var name = ExpectName();
        _defined.Add(name.Text);
        ImmutableArray<Name> parameters = [];
        if (_token.Kind == FlatTokenKind.LParen)
        {
            Advance();
            if (_token.Kind != FlatTokenKind.RParen) parameters = Names();
            Expect(FlatTokenKind.RParen);
        }
        var qubits = Names();
        Expect(FlatTokenKind.LBrace);
        var body = ImmutableArray.CreateBuilder<Statement>();
        while (_token.Kind != FlatTokenKind.RBrace) Statement(body, inGate: true);
        int end = _token.End;
        Advance();
        return new GateDefinition(name, parameters, qubits, body.DrainToImmutable(), TextSpan.FromBounds(first.Start, end));
    }

    private ImmutableArray<Name> Names()
    {
        var names = ImmutableArray.CreateBuilder<Name>();
        names.Add(ExpectName());
        while (_token.Kind == FlatTokenKind.Comma)
        {
            Advance();
            names.Add(ExpectName());
        }
        return names.DrainToImmutable();
    }

    /// <summary><c>name(args) operands;</c>; <c>nop</c> (unless defined) is ANTLR's to report.</summary>
    private GateCall GateCall()
    {
        var first = _token;
        var gate = ExpectName();
        if (gate.Text == "nop" && !_defined.Contains(gate.Text)) throw NotFlat;
        _called.Add(gate.Text);
        ImmutableArray<Expression> arguments = [];
        if (_token.Kind == FlatTokenKind.LParen)
        {
            Advance();
            if (_token.Kind != FlatTokenKind.RParen) arguments = ExpressionList();
            Expect(FlatTokenKind.RParen);
        }
        // A gate call always has operands; `name(args);` is a subroutine call.
        var operands = Operands();
        return new GateCall(gate, arguments, operands, StatementSpan(first));
    }

    private ImmutableArray<Operand> Operands()
    {
        var first = Operand();
        if (_token.Kind != FlatTokenKind.Comma) return [first];
        Advance();
        var second = Operand();
        if (_token.Kind != FlatTokenKind.Comma) return [first, second];
        var operands = ImmutableArray.CreateBuilder<Operand>();
        operands.Add(first);
        operands.Add(second);
        while (_token.Kind == FlatTokenKind.Comma)
        {
            Advance();
            operands.Add(Operand());
        }
        return operands.DrainToImmutable();
    }

    /// <summary>
    /// <c>q</c> or <c>q[i]</c>. A negative constant index (which counts from the end) is left
    /// to ANTLR's builder, as are slices and index sets (their <c>:</c> and <c>{</c> are Other or
    /// unexpected here).
    /// </summary>
    private Operand Operand()
    {
        var name = ExpectName();
        if (_token.Kind != FlatTokenKind.LBracket) return new Operand(name, null, name.Span);
        Advance();
        var index = Expression(out _, out _);
        if (Fold(index) is < 0) throw NotFlat;
        int end = _token.End;
        Expect(FlatTokenKind.RBracket);
        return new Operand(name, index, TextSpan.FromBounds(name.Span.Start, end));
    }

    private Expression? OptionalDesignator()
    {
        if (_token.Kind != FlatTokenKind.LBracket) return null;
        Advance();
        var size = Expression(out _, out _);
        Expect(FlatTokenKind.RBracket);
        return size;
    }

    private ImmutableArray<Expression> ExpressionList()
    {
        var first = Expression(out _, out _);
        if (_token.Kind != FlatTokenKind.Comma) return [first];
        var list = ImmutableArray.CreateBuilder<Expression>();
        list.Add(first);
        while (_token.Kind == FlatTokenKind.Comma)
        {
            Advance();
            list.Add(Expression(out _, out _));
        }
        return list.DrainToImmutable();
    }

    // ---- expressions -------------------------------------------------------------------------
    // The precedence of grammar/OpenQasmParser.g4 for the operators of constant arguments:
    // power (right-associative; `^` is power in OpenQASM 2, xor in 3) above unary minus/plus
    // above * / % above + -. An ANTLR prefix operator takes an operand at its own level, so
    // `-a ** b` is -(a ** b) and `a ** -b * c` is (a ** -b) * c. A node's span runs over the
    // tokens it came from, parentheses included, while a parenthesised expression is its inner
    // node: the span of `(a)` is a's. Each method returns the extent of its tokens (start, end)
    // beside the node, and the depth ANTLR's builder would count (parentheses included).

    private Expression Expression(out int start, out int end) => Additive(out start, out end, out _);

    private Expression Additive(out int start, out int end, out int depth)
    {
        var left = Multiplicative(out start, out end, out depth);
        while (_token.Kind is FlatTokenKind.Plus or FlatTokenKind.Minus)
        {
            var op = _token.Kind == FlatTokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            Advance();
            var right = Multiplicative(out _, out end, out int rightDepth);
            depth = Deeper(depth, rightDepth);
            left = new BinaryExpression(op, left, right, TextSpan.FromBounds(start, end));
        }
        return left;
    }

    private Expression Multiplicative(out int start, out int end, out int depth)
    {
        var left = Unary(out start, out end, out depth);
        while (_token.Kind is FlatTokenKind.Star or FlatTokenKind.Slash or FlatTokenKind.Percent)
        {
            var op = _token.Kind switch
            {
                FlatTokenKind.Star => BinaryOperator.Multiply,
                FlatTokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            Advance();
            var right = Unary(out _, out end, out int rightDepth);
            depth = Deeper(depth, rightDepth);
            left = new BinaryExpression(op, left, right, TextSpan.FromBounds(start, end));
        }
        return left;
    }

    private Expression Unary(out int start, out int end, out int depth)
    {
        if (_token.Kind is not (FlatTokenKind.Minus or FlatTokenKind.Plus)) return Power(out start, out end, out depth);
        var op = _token.Kind == FlatTokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Plus;
        start = _token.Start;
        Advance();
        Enter();
        var operand = Unary(out _, out end, out depth);
        _nesting--;
        depth = Deeper(depth, 0);
        return new UnaryExpression(op, operand, TextSpan.FromBounds(start, end));
    }

    private Expression Power(out int start, out int end, out int depth)
    {
        var left = Primary(out start, out end, out depth);
        if (_token.Kind is not (FlatTokenKind.Power or FlatTokenKind.Caret)) return left;
        var op = _token.Kind == FlatTokenKind.Power || _language == SourceLanguage.OpenQasm2 ? BinaryOperator.Power : BinaryOperator.BitXor;
        Advance();
        Enter();
        var right = Unary(out _, out end, out int rightDepth);
        _nesting--;
        depth = Deeper(depth, rightDepth);
        return new BinaryExpression(op, left, right, TextSpan.FromBounds(start, end));
    }

    /// <summary>A number, a name, <c>f(args)</c>, <c>a[i]</c> or a parenthesised expression.</summary>
    private Expression Primary(out int start, out int end, out int depth)
    {
        var token = _token;
        start = token.Start;
        end = token.End;
        depth = 1;
        switch (token.Kind)
        {
            case FlatTokenKind.Integer or FlatTokenKind.Float:
                Advance();
                return Number(token);
            case FlatTokenKind.LParen:
            {
                Advance();
                Enter();
                var inner = Additive(out _, out _, out int innerDepth);
                _nesting--;
                end = _token.End;
                Expect(FlatTokenKind.RParen);
                depth = Deeper(innerDepth, 0);
                return inner;
            }
            case FlatTokenKind.Identifier:
            {
                var name = ExpectName();
                if (_token.Kind == FlatTokenKind.LParen)
                {
                    Advance();
                    Enter();
                    ImmutableArray<Expression> arguments = [];
                    if (_token.Kind != FlatTokenKind.RParen) arguments = ArgumentList(ref depth);
                    _nesting--;
                    end = _token.End;
                    Expect(FlatTokenKind.RParen);
                    return new CallExpression(name, arguments, TextSpan.FromBounds(start, end));
                }
                if (_token.Kind == FlatTokenKind.LBracket)
                {
                    Advance();
                    Enter();
                    var index = Additive(out _, out _, out int indexDepth);
                    _nesting--;
                    end = _token.End;
                    Expect(FlatTokenKind.RBracket);
                    depth = Deeper(indexDepth, 0);
                    return new IndexExpression(name, index, TextSpan.FromBounds(start, end));
                }
                return new NameExpression(name, name.Span);
            }
            default:
                throw NotFlat;
        }
    }

    /// <summary>The arguments of a function call, raising <paramref name="depth"/> to one above the deepest.</summary>
    private ImmutableArray<Expression> ArgumentList(ref int depth)
    {
        var list = ImmutableArray.CreateBuilder<Expression>();
        while (true)
        {
            list.Add(Additive(out _, out _, out int argumentDepth));
            depth = Deeper(depth, argumentDepth);
            if (_token.Kind != FlatTokenKind.Comma) break;
            Advance();
        }
        return list.DrainToImmutable();
    }

    /// <summary>One above the deeper of two subtrees; past the limit the file goes to ANTLR.</summary>
    private static int Deeper(int a, int b)
    {
        int depth = Math.Max(a, b) + 1;
        return depth > MaxExpressionDepth ? throw NotFlat : depth;
    }

    /// <summary>Recursion guard: nested parentheses and prefix operators past the limit go to ANTLR.</summary>
    private void Enter()
    {
        if (++_nesting > MaxExpressionDepth) throw NotFlat;
    }

    /// <summary>
    /// A number literal as <see cref="QasmExpressionBuilder"/> makes it: the text as written,
    /// the value without its <c>_</c> separators; a value too large for a double is ANTLR's to report.
    /// </summary>
    private LiteralExpression Number(FlatToken token)
    {
        var digits = _text.AsSpan(token.Start, token.Length);
        bool isInteger = token.Kind == FlatTokenKind.Integer;
        double value;
        if (isInteger && digits.Length <= 15 && !digits.Contains('_'))
        {
            long whole = 0;
            foreach (char c in digits) whole = whole * 10 + (c - '0');
            value = whole;
        }
        else
        {
            value = digits.Contains('_')
                ? double.Parse(digits.ToString().Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture)
                : double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value)) throw NotFlat;
        }
        string text = isInteger ? Spelling(token) : digits.ToString();
        return new LiteralExpression(text, value, isInteger, null, TextSpan.FromBounds(token.Start, token.End));
    }

    /// <summary>The constant value of an index as <see cref="QasmAstBuilder"/> folds it (without named constants, which the subset has none of).</summary>
    private static long? Fold(Expression expression) => QasmIndexFolding.Fold(expression);

    // ---- tokens ------------------------------------------------------------------------------

    private void Advance()
    {
        if (_peeked is { } peeked)
        {
            _token = peeked;
            _peeked = null;
        }
        else _token = _lexer.Next();
        if (_token.Kind == FlatTokenKind.Other) throw NotFlat;
    }

    private FlatToken Peek() => _peeked ??= _lexer.Next();

    private void Expect(FlatTokenKind kind)
    {
        if (_token.Kind != kind) throw NotFlat;
        Advance();
    }

    private void ExpectKeyword(string keyword)
    {
        if (_token.Kind != FlatTokenKind.Keyword || !_text.AsSpan(_token.Start, _token.Length).SequenceEqual(keyword)) throw NotFlat;
        Advance();
    }

    private Name ExpectName()
    {
        var token = _token;
        if (token.Kind != FlatTokenKind.Identifier) throw NotFlat;
        Advance();
        return new Name(Spelling(token), TextSpan.FromBounds(token.Start, token.End));
    }

    /// <summary>Ends a statement at its <c>;</c>: the span from its first token through the semicolon.</summary>
    private TextSpan StatementSpan(FlatToken first)
    {
        int end = _token.End;
        Expect(FlatTokenKind.Semicolon);
        return TextSpan.FromBounds(first.Start, end);
    }

    /// <summary>The token's text, one string per distinct spelling.</summary>
    private string Spelling(FlatToken token)
    {
        var span = _text.AsSpan(token.Start, token.Length);
        if (_stringLookup.TryGetValue(span, out var known)) return known;
        string text = span.ToString();
        _strings[text] = text;
        return text;
    }
}
