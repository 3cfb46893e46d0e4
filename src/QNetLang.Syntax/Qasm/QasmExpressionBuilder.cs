using System.Globalization;
using System.Numerics;
using Antlr4.Runtime;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;
using P = QNetLang.Syntax.Generated.OpenQasmParser;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// OpenQASM expression contexts → the AST expressions of the .qn front end. Has the same depth
/// guard as <see cref="ExpressionBuilder"/>: a chain like <c>1+1+…+1</c> is parsed by ANTLR in a
/// loop but forms a deep tree, so building stops at <see cref="SyntaxLimits.MaxExpressionDepth"/>
/// with one QN1006.
/// </summary>
internal sealed class QasmExpressionBuilder(SourceText source, DiagnosticBag diagnostics, SourceLanguage language)
{
    private int _depth;
    private bool _reportedDepth;

    public Expression? Build(P.ExpressionContext? context)
    {
        if (context is null || context.exception is not null && context.ChildCount == 0) return null;
        if (++_depth > SyntaxLimits.MaxExpressionDepth)
        {
            if (!_reportedDepth)
                diagnostics.Report(Diagnostics.NestingTooDeep, new Location(source, SyntaxFacts.Span(source, context)), SyntaxLimits.MaxExpressionDepth);
            _reportedDepth = true;
            _depth--;
            return null;
        }
        try
        {
            return BuildCore(context);
        }
        finally
        {
            _depth--;
            if (_depth == 0) _reportedDepth = false;
        }
    }

    /// <summary>All of the list or nothing: a call with a dropped argument would only mislead the binder.</summary>
    public List<Expression>? BuildAll(P.ExpressionListContext? context)
    {
        var built = new List<Expression>();
        foreach (var expression in context?.expression() ?? [])
        {
            if (Build(expression) is not { } e) return null;
            built.Add(e);
        }
        return built;
    }

    private Expression? BuildCore(P.ExpressionContext context)
    {
        var span = SyntaxFacts.Span(source, context);
        switch (context)
        {
            case P.ParenthesisExpressionContext p:
                return Build(p.expression());
            case P.IndexExpressionContext i:
            {
                var name = SyntaxFacts.NameOf(source, i.Identifier());
                var index = Build(i.expression());
                return name is null || index is null ? null : new IndexExpression(name, index, span);
            }
            case P.CallExpressionContext call:
            {
                // sin, cos, sqrt, … keep their OpenQASM names; the binder knows which exist.
                var function = SyntaxFacts.NameOf(source, call.Identifier());
                var args = BuildAll(call.expressionList());
                return function is null || args is null ? null : new CallExpression(function, [.. args], span);
            }
            case P.CastExpressionContext cast:
                return Cast(cast);
            case P.IdentifierExpressionContext id:
                return SyntaxFacts.NameOf(source, id.Identifier()) is { } n ? new NameExpression(n, span) : null;
            case P.ConstantExpressionContext c:
                return Constant(c, span);
            case P.LiteralExpressionContext lit:
                return Number(lit.number()?.Start, span);
            case P.BooleanExpressionContext b:
            {
                // Booleans only occur in conditions, where the AST has comparisons but no boolean
                // literal: `true` is the constant comparison 1 == 1, `false` is 1 == 0, so
                // `if (true)` selects its branch at compile time.
                if (b.value is null || IntegerLiteral(BigInteger.One, span) is not { } one) return null;
                var other = IntegerLiteral(b.value.Type == OpenQasmLexer.TRUE ? BigInteger.One : BigInteger.Zero, span);
                return other is null ? null : new BinaryExpression(BinaryOperator.Equal, one, other, span);
            }
            case P.BitstringExpressionContext s:
                return Bitstring(s, span);
            case P.UnaryExpressionContext u:
            {
                if (u.op is null) return null;
                var operand = Build(u.expression());
                if (operand is null) return null;
                var op = u.op.Type switch
                {
                    OpenQasmLexer.MINUS => UnaryOperator.Negate,
                    OpenQasmLexer.PLUS => UnaryOperator.Plus,
                    OpenQasmLexer.TILDE => UnaryOperator.BitNot,
                    _ => UnaryOperator.Not,
                };
                return new UnaryExpression(op, operand, span);
            }
            default:
                return Binary(context, span);
        }
    }

    private Expression? Binary(P.ExpressionContext context, TextSpan span)
    {
        P.ExpressionContext[] operands;
        IToken? opToken;
        switch (context)
        {
            case P.PowerExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.MultiplicativeExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.AdditiveExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitshiftExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.ComparisonExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.EqualityExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitwiseAndExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitwiseOrExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.LogicalAndExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.LogicalOrExpressionContext c: operands = c.expression(); opToken = c.op; break;
            default: return null;
        }
        if (operands.Length < 2 || opToken is null) return null;
        BinaryOperator? op = opToken.Type switch
        {
            OpenQasmLexer.POWER => BinaryOperator.Power,
            // `^` is power only in OpenQASM 2; OpenQASM 3 made it xor.
            OpenQasmLexer.CARET when language == SourceLanguage.OpenQasm2 => BinaryOperator.Power,
            OpenQasmLexer.STAR => BinaryOperator.Multiply,
            OpenQasmLexer.SLASH => BinaryOperator.Divide,
            OpenQasmLexer.PERCENT => BinaryOperator.Modulo,
            OpenQasmLexer.PLUS => BinaryOperator.Add,
            OpenQasmLexer.MINUS => BinaryOperator.Subtract,
            OpenQasmLexer.LESS => BinaryOperator.Less,
            OpenQasmLexer.GREATER => BinaryOperator.Greater,
            OpenQasmLexer.LESSEQ => BinaryOperator.LessOrEqual,
            OpenQasmLexer.GREATEREQ => BinaryOperator.GreaterOrEqual,
            OpenQasmLexer.EQEQ => BinaryOperator.Equal,
            OpenQasmLexer.NOTEQ => BinaryOperator.NotEqual,
            OpenQasmLexer.ANDAND => BinaryOperator.And,
            OpenQasmLexer.OROR => BinaryOperator.Or,
            OpenQasmLexer.LSHIFT => BinaryOperator.ShiftLeft,
            OpenQasmLexer.RSHIFT => BinaryOperator.ShiftRight,
            OpenQasmLexer.AMPERSAND => BinaryOperator.BitAnd,
            OpenQasmLexer.PIPE => BinaryOperator.BitOr,
            OpenQasmLexer.CARET => BinaryOperator.BitXor,
            _ => null,
        };
        if (op is null) return Unsupported(opToken, $"bitwise operator '{opToken.Text}'");
        var left = Build(operands[0]);
        var right = Build(operands[1]);
        if (left is null || right is null) return null;
        return new BinaryExpression(op.Value, left, right, span);
    }

    /// <summary><c>π</c>, <c>τ</c>, <c>ℇ</c> become the names the binder knows (<c>pi</c>, <c>tau</c>, <c>euler</c>).</summary>
    private Expression? Constant(P.ConstantExpressionContext context, TextSpan span)
    {
        if (context.value is null || context.value.TokenIndex < 0) return null;
        string name = context.value.Type switch
        {
            OpenQasmLexer.PI_SIGN => "pi",
            OpenQasmLexer.TAU_SIGN => "tau",
            _ => "euler",
        };
        return new NameExpression(new Name(name, span), span);
    }

    private Expression? Number(IToken? token, TextSpan span)
    {
        if (token is null || token.TokenIndex < 0) return null;
        string text = token.Text;
        string digits = text.Replace("_", "");
        if (token.Type == OpenQasmLexer.IntegerLiteral && digits.Length > 2 && digits[0] == '0' && char.IsAsciiLetter(digits[1]))
        {
            int radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return Radix(digits[2..], radix, text, span);
        }
        double parsed = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(parsed)) return TooLarge(text, span);
        return new LiteralExpression(text, parsed, token.Type == OpenQasmLexer.IntegerLiteral, null, span);
    }

    /// <summary><c>"0101"</c> compares like the integer 5 (bit 0 is the rightmost character).</summary>
    private Expression? Bitstring(P.BitstringExpressionContext context, TextSpan span)
    {
        var token = context.StringLiteral()?.Symbol;
        if (token is null || token.TokenIndex < 0) return null;
        string text = token.Text;
        string bits = text.Length >= 2 ? text[1..^1].Replace("_", "") : "";
        if (bits.Length == 0 || bits.Any(c => c is not ('0' or '1')))
            return Unsupported(token, "string literal in an expression");
        return Radix(bits, 2, text, span);
    }

    private Expression? Radix(string digits, int radix, string written, TextSpan span)
    {
        digits = digits.TrimStart('0');
        // More digits than a double can hold is out of range; checking first also keeps a
        // megabyte-long literal from costing quadratic BigInteger work.
        int bitsPerDigit = radix switch { 16 => 4, 8 => 3, _ => 1 };
        if (digits.Length * bitsPerDigit > 1100) return TooLarge(written, span);
        var value = BigInteger.Zero;
        foreach (char c in digits)
            value = value * radix + (c <= '9' ? c - '0' : char.ToLowerInvariant(c) - 'a' + 10);
        return IntegerLiteral(value, span, written);
    }

    /// <summary>
    /// Hexadecimal, octal, binary and bit-string literals are given their decimal text, since
    /// later stages may re-read <see cref="LiteralExpression.Text"/> as a decimal number.
    /// </summary>
    private Expression? IntegerLiteral(BigInteger value, TextSpan span, string? written = null)
    {
        double asDouble = (double)value;
        if (double.IsInfinity(asDouble)) return TooLarge(written ?? value.ToString(CultureInfo.InvariantCulture), span);
        return new LiteralExpression(value.ToString(CultureInfo.InvariantCulture), asDouble, true, null, span);
    }

    private Expression? TooLarge(string text, TextSpan span)
    {
        diagnostics.Report(Diagnostics.ValueOutOfRange, new Location(source, span), $"the number {SyntaxErrorListener.Shorten(text)} is too large");
        return null;
    }

    /// <summary>
    /// <c>int[n](x)</c>, <c>uint[n](c)</c>, <c>angle[n](x)</c>, <c>float(x)</c>, <c>bool(c)</c>,
    /// <c>bit[n](x)</c>: a conversion with OpenQASM semantics (a bit register reads little-endian,
    /// element 0 least significant); the lowerer folds it or computes it at run time.
    /// </summary>
    private Expression? Cast(P.CastExpressionContext cast)
    {
        var type = cast.castType;
        if (type is null) return null;
        var keyword = type.Type switch
        {
            OpenQasmLexer.INT => ClassicalTypeKeyword.Int,
            OpenQasmLexer.UINT => ClassicalTypeKeyword.Uint,
            OpenQasmLexer.BOOL => ClassicalTypeKeyword.Bool,
            OpenQasmLexer.FLOAT => ClassicalTypeKeyword.Float,
            OpenQasmLexer.ANGLE => ClassicalTypeKeyword.Angle,
            _ => ClassicalTypeKeyword.Bit,
        };
        Expression? width = null;
        if (cast.designator() is { } designator && (width = Build(designator.expression())) is null) return null;
        var operand = Build(cast.expression());
        if (operand is null) return null;
        var typeSpan = SyntaxErrorListener.TokenSpan(source, type);
        var typeSyntax = new ClassicalTypeSyntax(keyword, width, width is null ? typeSpan : TextSpan.FromBounds(typeSpan.Start, width.Span.End + 1));
        return new CastExpression(typeSyntax, operand, SyntaxFacts.Span(source, cast));
    }

    private Expression? Unsupported(IToken token, string what)
    {
        diagnostics.Report(Diagnostics.UnsupportedQasmFeature, new Location(source, SyntaxErrorListener.TokenSpan(source, token)), what);
        return null;
    }
}
