using System.Collections.Immutable;
using System.Text.Json;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// A figure of merit in manifest.json, so that `qnlc run manifest.json` reports the same
/// figures as `qnlc run` on the source. The resolved tree is written as nested arrays — a
/// number is a constant, <c>["bit", i]</c> a bit, <c>["figure", name]</c> an earlier figure,
/// <c>["shot_time"]</c>, <c>[operator, operand…]</c> with the operator's name,
/// <c>["call", function, argument…]</c>, and <c>["mean" | "sum", [value] | [value, condition], …]</c>
/// with one entry per unrolled round — because the node files cannot hold it: no node runs it.
/// </summary>
public static class FigureJson
{
    public static void Write(Utf8JsonWriter json, FigureExpression expression)
    {
        switch (expression)
        {
            case FigureConstant c:
                json.WriteNumberValue(c.Value);
                return;
            case FigureBit b:
                json.WriteStartArray();
                json.WriteStringValue("bit");
                json.WriteNumberValue(b.Bit);
                json.WriteEndArray();
                return;
            case FigureReference r:
                json.WriteStartArray();
                json.WriteStringValue("figure");
                json.WriteStringValue(r.Name);
                json.WriteEndArray();
                return;
            case FigureShotTime:
                json.WriteStartArray();
                json.WriteStringValue("shot_time");
                json.WriteEndArray();
                return;
            case FigureUnary u:
                json.WriteStartArray();
                json.WriteStringValue(u.Operator.ToString());
                Write(json, u.Operand);
                json.WriteEndArray();
                return;
            case FigureBinary b:
                json.WriteStartArray();
                json.WriteStringValue(b.Operator.ToString());
                Write(json, b.Left);
                Write(json, b.Right);
                json.WriteEndArray();
                return;
            case FigureCall c:
                json.WriteStartArray();
                json.WriteStringValue("call");
                json.WriteStringValue(c.Function);
                foreach (var argument in c.Arguments) Write(json, argument);
                json.WriteEndArray();
                return;
            case FigureReduction r:
                json.WriteStartArray();
                json.WriteStringValue(r.Kind == ReductionKind.Mean ? "mean" : "sum");
                foreach (var term in r.Terms)
                {
                    json.WriteStartArray();
                    Write(json, term.Value);
                    if (term.Condition is not null) Write(json, term.Condition);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                return;
            default:
                throw new InvalidOperationException($"unknown figure expression {expression.GetType().Name}");
        }
    }

    /// <summary>
    /// Reads a tree back, checking what the binder guaranteed for the source: bits in range and
    /// only inside reductions, references only to earlier figures, known functions with their
    /// arities. Returns null with a message otherwise.
    /// </summary>
    public static FigureExpression? Read(JsonElement element, int bitCount, IReadOnlySet<string> earlier, out string? error)
    {
        error = null;
        try
        {
            return Read(element, bitCount, earlier, inRound: false);
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static FigureExpression Read(JsonElement element, int bitCount, IReadOnlySet<string> earlier, bool inRound)
    {
        if (element.ValueKind == JsonValueKind.Number) return new FigureConstant(element.GetDouble());
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0 || element[0].ValueKind != JsonValueKind.String)
            throw new FormatException("a figure expression must be a number or an array that starts with its kind");
        var items = element.EnumerateArray().ToList();
        string kind = items[0].GetString()!;
        FigureExpression Operand(int i) => Read(items[i], bitCount, earlier, inRound);
        switch (kind)
        {
            case "bit" when items.Count == 2 && inRound && items[1].TryGetInt32(out int bit) && bit >= 0 && bit < bitCount:
                return new FigureBit(bit);
            case "figure" when items.Count == 2 && !inRound && items[1].ValueKind == JsonValueKind.String && earlier.Contains(items[1].GetString()!):
                return new FigureReference(items[1].GetString()!);
            case "shot_time" when items.Count == 1 && !inRound:
                return new FigureShotTime();
            case "call" when items.Count >= 2 && items[1].ValueKind == JsonValueKind.String
                && FigureFunctions.TryGetArity(items[1].GetString()!, out int arity) && items.Count == arity + 2:
                return new FigureCall(items[1].GetString()!, [.. Enumerable.Range(2, arity).Select(Operand)]);
            case "mean" or "sum" when !inRound && items.Count >= 2:
            {
                var terms = ImmutableArray.CreateBuilder<ReductionTerm>();
                foreach (var term in items.Skip(1))
                {
                    if (term.ValueKind != JsonValueKind.Array || term.GetArrayLength() is not (1 or 2))
                        throw new FormatException($"a round of {kind}(...) must be [value] or [value, condition]");
                    var value = Read(term[0], bitCount, earlier, inRound: true);
                    var condition = term.GetArrayLength() == 2 ? Read(term[1], bitCount, earlier, inRound: true) : null;
                    terms.Add(new ReductionTerm(value, condition));
                }
                return new FigureReduction(kind == "mean" ? ReductionKind.Mean : ReductionKind.Sum, terms.ToImmutable());
            }
        }
        if (Enum.TryParse<FigureOperator>(kind, ignoreCase: false, out var op) && Enum.IsDefined(op))
        {
            bool unary = op is FigureOperator.Negate or FigureOperator.Not;
            if (items.Count == (unary ? 2 : 3))
                return unary ? new FigureUnary(op, Operand(1)) : new FigureBinary(op, Operand(1), Operand(2));
        }
        throw new FormatException($"[\"{kind}\", ...] with {items.Count - 1} operand(s) is not a figure expression here");
    }
}
