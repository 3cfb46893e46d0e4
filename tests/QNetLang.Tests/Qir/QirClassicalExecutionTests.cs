using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsCheck;
using QNetLang.Backends.Qir;
using QNetLang.Ir;

namespace QNetLang.Tests.Qir;

/// <summary>
/// The instructions <see cref="QirClassicalWriter"/> writes compute what the simulator computes:
/// random runtime expressions over 16 input bits (every scalar type, every operator, casts,
/// shifts by run-time amounts, division by zero, integers converted to doubles) are written as
/// LLVM functions, run by LLVM 19's interpreter (lli-19) on random inputs, and each result is
/// compared bit for bit with <see cref="ClassicalSemantics.Evaluate"/>.
/// </summary>
public class QirClassicalExecutionTests
{
    private static readonly ClassicalType[] Types =
    [
        ClassicalType.Bool, ClassicalType.Float,
        new(ClassicalKind.Int, 3), new(ClassicalKind.Int, 8), new(ClassicalKind.Int, 16), new(ClassicalKind.Int, 33), new(ClassicalKind.Int, 64),
        new(ClassicalKind.Uint, 1), new(ClassicalKind.Uint, 4), new(ClassicalKind.Uint, 32), new(ClassicalKind.Uint, 64),
        new(ClassicalKind.Angle, 4), new(ClassicalKind.Angle, 10), new(ClassicalKind.Bits, 3),
    ];

    [Fact]
    public void WrittenExpressionsComputeWhatTheSimulatorComputes()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var expressions = new List<ClassicalExpression>();
            var module = new StringBuilder();
            while (expressions.Count < 12)
            {
                var expression = Expression(random, Types[random.Next(Types.Length)], 3);
                if (!ClassicalExpressions.BitsOf(expression).Any()) continue;
                var function = new FunctionWriter();
                QirValue value;
                try
                {
                    value = new QirClassicalWriter(function).Compile(expression);
                }
                catch (QirUnexpressibleException)
                {
                    continue;
                }
                module.Append(function.Define(expressions.Count, value));
                expressions.Add(expression);
            }
            var inputs = Enumerable.Range(0, 6).Select(_ => random.Next(1 << 16)).Append(0).Append(0xFFFF).ToList();
            module.Append(EntryFunction(expressions.Count, inputs));
            var printed = LlvmTools.Execute(module.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int line = 0;
            for (int e = 0; e < expressions.Count; e++)
            {
                foreach (int input in inputs)
                {
                    var expected = ClassicalSemantics.Evaluate(expressions[e], b => (input >> b) & 1);
                    ulong actual = ulong.Parse(printed[line++], CultureInfo.InvariantCulture);
                    string what = $"seed {seed}, input {input}: {expressions[e]}";
                    if (expected.Type.Kind == ClassicalKind.Float && double.IsNaN(expected.AsFloat))
                        Assert.True(double.IsNaN(BitConverter.Int64BitsToDouble((long)actual)), what);
                    else
                        Assert.True(expected.Raw == actual, $"{what}: expected {expected.Raw}, lli computed {actual}");
                }
            }
        }, iter: 25);
    }

    private static ClassicalExpression Expression(Random random, ClassicalType type, int depth)
    {
        if (depth == 0 || random.Next(4) == 0) return Leaf(random, type);
        ClassicalType Any() => Types[random.Next(Types.Length)];
        ClassicalType Numeric() => Types[1 + random.Next(Types.Length - 1)];
        switch (random.Next(4))
        {
            case 0:
                return new ClassicalCast(Expression(random, Any(), depth - 1), type);
            case 1:
                var unary = type.Kind switch
                {
                    ClassicalKind.Bool => ClassicalUnaryOperator.LogicalNot,
                    ClassicalKind.Float => ClassicalUnaryOperator.Negate,
                    _ => random.Next(2) == 0 ? ClassicalUnaryOperator.Negate : ClassicalUnaryOperator.BitNot,
                };
                return new ClassicalUnary(unary, Expression(random, unary == ClassicalUnaryOperator.LogicalNot ? Any() : type, depth - 1), type);
        }
        if (type.Kind == ClassicalKind.Bool)
        {
            var op = (ClassicalBinaryOperator)random.Next((int)ClassicalBinaryOperator.Less, (int)ClassicalBinaryOperator.LogicalOr + 1);
            if (op is ClassicalBinaryOperator.LogicalAnd or ClassicalBinaryOperator.LogicalOr)
                return new ClassicalBinary(op, Expression(random, type, depth - 1), Expression(random, type, depth - 1), type);
            var operand = Numeric();
            return new ClassicalBinary(op, Expression(random, operand, depth - 1), Expression(random, random.Next(2) == 0 ? operand : Numeric(), depth - 1), type);
        }
        ClassicalBinaryOperator[] choices = type.Kind switch
        {
            ClassicalKind.Float => [ClassicalBinaryOperator.Add, ClassicalBinaryOperator.Subtract, ClassicalBinaryOperator.Multiply, ClassicalBinaryOperator.Divide],
            ClassicalKind.Angle => [ClassicalBinaryOperator.Add, ClassicalBinaryOperator.Subtract, ClassicalBinaryOperator.Multiply, ClassicalBinaryOperator.Divide,
                ClassicalBinaryOperator.BitAnd, ClassicalBinaryOperator.BitXor, ClassicalBinaryOperator.ShiftLeft, ClassicalBinaryOperator.ShiftRight],
            // long.MinValue / -1 overflows (the simulator throws, the hardware traps): no 64-bit signed division.
            ClassicalKind.Int when type.Width == 64 => [ClassicalBinaryOperator.Add, ClassicalBinaryOperator.Subtract, ClassicalBinaryOperator.Multiply,
                ClassicalBinaryOperator.BitOr, ClassicalBinaryOperator.ShiftLeft, ClassicalBinaryOperator.ShiftRight],
            _ => [ClassicalBinaryOperator.Add, ClassicalBinaryOperator.Subtract, ClassicalBinaryOperator.Multiply, ClassicalBinaryOperator.Divide,
                ClassicalBinaryOperator.Modulo, ClassicalBinaryOperator.BitAnd, ClassicalBinaryOperator.BitOr, ClassicalBinaryOperator.BitXor,
                ClassicalBinaryOperator.ShiftLeft, ClassicalBinaryOperator.ShiftRight],
        };
        var binary = choices[random.Next(choices.Length)];
        ClassicalType right = binary is ClassicalBinaryOperator.ShiftLeft or ClassicalBinaryOperator.ShiftRight
            ? (random.Next(2) == 0 ? new ClassicalType(ClassicalKind.Uint, 7) : new ClassicalType(ClassicalKind.Int, 4))
            : type.Kind == ClassicalKind.Angle && binary is ClassicalBinaryOperator.Multiply or ClassicalBinaryOperator.Divide ? new ClassicalType(ClassicalKind.Uint, 4)
            : type.Kind == ClassicalKind.Float ? Numeric() : random.Next(2) == 0 ? type : Any();
        ClassicalType left = type.Kind == ClassicalKind.Float ? Numeric() : type;
        return new ClassicalBinary(binary, Expression(random, left, depth - 1), Expression(random, right, depth - 1), type);
    }

    private static ClassicalExpression Leaf(Random random, ClassicalType type)
    {
        if (type.Kind == ClassicalKind.Float)
            return random.Next(3) == 0
                ? new ClassicalConstant(ClassicalValue.OfFloat(new[] { 0.5, -3.25, 1e10, 0.1 }[random.Next(4)]))
                : new ClassicalCast(Leaf(random, new ClassicalType(ClassicalKind.Int, 16)), type);
        if (random.Next(4) == 0) return new ClassicalConstant(ClassicalValue.Of(type, random.NextInt64(-300, 300)));
        return new ClassicalBits([.. Enumerable.Range(0, type.Width).Select(_ => random.Next(16))], type);
    }

    private static string EntryFunction(int functions, IReadOnlyList<int> inputs)
    {
        var sb = new StringBuilder();
        sb.Append("@fmt = private constant [6 x i8] c\"%llu\\0A\\00\"\ndeclare i32 @printf(ptr, ...)\n\ndefine i32 @main() {\nentry:\n");
        int n = 0;
        for (int f = 0; f < functions; f++)
        {
            foreach (int input in inputs)
            {
                sb.Append($"  %m{n} = call i64 @f{f}(i64 {input})\n");
                sb.Append($"  %p{n} = call i32 (ptr, ...) @printf(ptr @fmt, i64 %m{n})\n");
                n++;
            }
        }
        sb.Append("  ret i32 0\n}\n");
        return sb.ToString();
    }

    /// <summary>The code one expression is written into: a function of the 16 input bits that returns the value's pattern.</summary>
    private sealed class FunctionWriter : IQirCode
    {
        private readonly StringBuilder _body = new();
        private int _next;

        public string CurrentBlock { get; private set; } = "entry";

        public string NewValue() => "%v" + (_next++).ToString(CultureInfo.InvariantCulture);

        public string NewLabel(string prefix) => prefix + "_" + (_next++).ToString(CultureInfo.InvariantCulture);

        public void Emit(string text, string on) => _body.Append("  ").Append(text).Append('\n');

        public void Branch(string condition, string then, string otherwise) => Emit($"br i1 {condition}, label %{then}, label %{otherwise}", "i1");

        public void Jump(string label) => Emit($"br label %{label}", "i1");

        public void Block(string label)
        {
            _body.Append(label).Append(":\n");
            CurrentBlock = label;
        }

        public string ReadBit(int bit)
        {
            string masked = NewValue(), value = NewValue();
            Emit($"{masked} = and i64 %bits, {1L << bit}", "i64");
            Emit($"{value} = icmp ne i64 {masked}, 0", "i64");
            return value;
        }

        public bool? ConstantBit(int bit) => null;

        public (string Word, int Index, int Width)? WordBit(int bit) => null;

        public string Define(int index, QirValue value)
        {
            string result = value.Type.Kind switch
            {
                ClassicalKind.Float => $"  %out = bitcast double {value.Operand} to i64\n",
                ClassicalKind.Bool => $"  %out = zext i1 {value.Operand} to i64\n",
                _ => $"  %out = add i64 {value.Operand}, 0\n",
            };
            return $"define i64 @f{index}(i64 %bits) {{\nentry:\n{_body}{result}  ret i64 %out\n}}\n\n";
        }
    }
}
