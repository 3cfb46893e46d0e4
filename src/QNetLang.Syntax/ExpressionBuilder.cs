using System.Globalization;
using Antlr4.Runtime;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;
using P = QNetLang.Syntax.Generated.QNetLangParser;

namespace QNetLang.Syntax;

/// <summary>
/// Expression contexts → AST expressions. A chain like <c>1+1+…+1</c> is parsed by ANTLR in a
/// loop but forms a deep tree; the depth counter stops at <see cref="SyntaxLimits.MaxExpressionDepth"/>
/// with one QN1006 instead of recursing until the stack gives out.
/// </summary>
internal sealed class ExpressionBuilder(SourceText source, DiagnosticBag diagnostics)
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
                var function = SyntaxFacts.NameOf(source, call.Identifier());
                if (function is null) return null;
                var args = new List<Expression>();
                foreach (var argument in call.expressionList()?.expression() ?? [])
                {
                    if (Build(argument) is not { } built) return null;
                    args.Add(built);
                }
                return new CallExpression(function, [.. args], span);
            }
            case P.ReductionExpressionContext r:
            {
                var ids = r.Identifier();
                var function = ids.Length > 0 ? SyntaxFacts.NameOf(source, ids[0]) : null;
                var variable = ids.Length > 1 ? SyntaxFacts.NameOf(source, ids[1]) : null;
                var parts = r.expression();
                var bounds = r.range()?.expression();
                if (function is null || variable is null || parts.Length == 0 || bounds is null || bounds.Length < 2) return null;
                var body = Build(parts[0]);
                var start = Build(bounds[0]);
                var end = Build(bounds[1]);
                var condition = parts.Length > 1 ? Build(parts[1]) : null;
                if (body is null || start is null || end is null || parts.Length > 1 && condition is null) return null;
                return new ReductionExpression(function, body, variable, start, end, condition, span);
            }
            case P.CastExpressionContext cast:
                return Cast(cast, span);
            case P.IdentifierExpressionContext id:
                return SyntaxFacts.NameOf(source, id.Identifier()) is { } n ? new NameExpression(n, span) : null;
            case P.LiteralExpressionContext lit:
                return Literal(lit, span);
            case P.BooleanExpressionContext b:
            {
                // As in the OpenQASM importer: `true` is the constant comparison 1 == 1 and
                // `false` is 1 == 0, so they fold wherever a constant does and read as bool.
                var one = new LiteralExpression("1", 1, true, null, span);
                bool isTrue = b.value.Type == QNetLangLexer.TRUE;
                return new BinaryExpression(BinaryOperator.Equal, one, new LiteralExpression(isTrue ? "1" : "0", isTrue ? 1 : 0, true, null, span), span);
            }
            case P.UnaryExpressionContext u:
            {
                var operand = Build(u.expression());
                if (operand is null) return null;
                var op = u.op.Type switch
                {
                    QNetLangLexer.MINUS => UnaryOperator.Negate,
                    QNetLangLexer.PLUS => UnaryOperator.Plus,
                    QNetLangLexer.TILDE => UnaryOperator.BitNot,
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
            case P.ComparisonExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.EqualityExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.LogicalAndExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitshiftExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitwiseAndExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitwiseXorExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.BitwiseOrExpressionContext c: operands = c.expression(); opToken = c.op; break;
            case P.LogicalOrExpressionContext c: operands = c.expression(); opToken = c.op; break;
            default: return null;
        }
        if (operands.Length < 2 || opToken is null) return null;
        var left = Build(operands[0]);
        var right = Build(operands[1]);
        if (left is null || right is null) return null;
        var op = opToken.Type switch
        {
            QNetLangLexer.POWER => BinaryOperator.Power,
            QNetLangLexer.STAR => BinaryOperator.Multiply,
            QNetLangLexer.SLASH => BinaryOperator.Divide,
            QNetLangLexer.PERCENT => BinaryOperator.Modulo,
            QNetLangLexer.PLUS => BinaryOperator.Add,
            QNetLangLexer.MINUS => BinaryOperator.Subtract,
            QNetLangLexer.LESS => BinaryOperator.Less,
            QNetLangLexer.GREATER => BinaryOperator.Greater,
            QNetLangLexer.LESSEQ => BinaryOperator.LessOrEqual,
            QNetLangLexer.GREATEREQ => BinaryOperator.GreaterOrEqual,
            QNetLangLexer.EQEQ => BinaryOperator.Equal,
            QNetLangLexer.NOTEQ => BinaryOperator.NotEqual,
            QNetLangLexer.ANDAND => BinaryOperator.And,
            QNetLangLexer.LSHIFT => BinaryOperator.ShiftLeft,
            QNetLangLexer.RSHIFT => BinaryOperator.ShiftRight,
            QNetLangLexer.AMPERSAND => BinaryOperator.BitAnd,
            QNetLangLexer.CARET => BinaryOperator.BitXor,
            QNetLangLexer.PIPE => BinaryOperator.BitOr,
            _ => BinaryOperator.Or,
        };
        return new BinaryExpression(op, left, right, span);
    }

    /// <summary><c>uint[4](c)</c>, <c>float(x)</c>: a conversion with OpenQASM semantics (bits little-endian).</summary>
    private Expression? Cast(P.CastExpressionContext cast, TextSpan span)
    {
        var type = ClassicalType(cast.castType, cast.designator());
        var operand = Build(cast.expression());
        return type is null || operand is null ? null : new CastExpression(type, operand, span);
    }

    /// <summary>A type keyword with its optional width (<c>uint[4]</c>, <c>bool</c>); null when the width cannot be built.</summary>
    public ClassicalTypeSyntax? ClassicalType(IToken? keyword, P.DesignatorContext? designator)
    {
        if (keyword is null || keyword.TokenIndex < 0) return null;
        var kind = keyword.Type switch
        {
            QNetLangLexer.BOOL => ClassicalTypeKeyword.Bool,
            QNetLangLexer.INT => ClassicalTypeKeyword.Int,
            QNetLangLexer.UINT => ClassicalTypeKeyword.Uint,
            QNetLangLexer.FLOAT => ClassicalTypeKeyword.Float,
            QNetLangLexer.ANGLE => ClassicalTypeKeyword.Angle,
            _ => ClassicalTypeKeyword.Bit,
        };
        Expression? width = null;
        if (designator is not null && (width = Build(designator.expression())) is null) return null;
        var start = SyntaxErrorListener.TokenSpan(source, keyword);
        return new ClassicalTypeSyntax(kind, width, width is null ? start : TextSpan.FromBounds(start.Start, width.Span.End + 1));
    }

    private Expression? Literal(P.LiteralExpressionContext context, TextSpan span)
    {
        var numberToken = context.number()?.Start;
        if (numberToken is null || numberToken.TokenIndex < 0) return null;
        string text = numberToken.Text;
        bool isInteger = numberToken.Type == QNetLangLexer.IntegerLiteral;
        double value = double.Parse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            diagnostics.Report(Diagnostics.ValueOutOfRange, new Location(source, span), $"the number {SyntaxErrorListener.Shorten(text)} is too large");
            return null;
        }
        Name? unit = null;
        if (context.unit() is { } unitContext)
        {
            var parts = unitContext.Identifier();
            if (parts.Length == 0 || parts.Any(p => p.Symbol.TokenIndex < 0)) return null;
            string unitText = string.Join("/", parts.Select(p => p.GetText()));
            unit = new Name(unitText, SyntaxFacts.Span(source, unitContext));
        }
        return new LiteralExpression(text, value, isInteger, unit, span);
    }
}
