using QNetLang.Ir;

namespace QNetLang.Simulation.Figures;

/// <summary>
/// Turns the pooled sums into figures. A mean is the ratio estimator Σ values / Σ selected
/// over all shots; a sum is Σ values / shots; shot_time is Σ times / shots. A figure is then
/// a smooth function of these pooled ratios, so its standard error comes from the grouped
/// (delete-one-group) jackknife over <see cref="FigureSums.Groups"/> consecutive groups of
/// shots: it agrees with the delta method for ratios and needs no derivative of h, sqrt or a
/// CHSH combination, and it accounts for rounds of one shot being correlated.
/// </summary>
internal static class FigureEstimator
{
    public static IReadOnlyList<FigureValue> Estimate(IReadOnlyList<FigureDefinition> figures, FigureLayout layout, FigureSums sums)
    {
        int groups = sums.Groups, reductions = layout.Reductions.Count;
        var totalNum = new double[reductions];
        var totalDen = new double[reductions];
        double totalShots = 0, totalTime = 0;
        for (int g = 0; g < groups; g++)
        {
            totalShots += sums.Shots[g];
            totalTime += sums.Time[g];
            for (int r = 0; r < reductions; r++)
            {
                totalNum[r] += sums.Numerators[g, r];
                totalDen[r] += sums.Denominators[g, r];
            }
        }

        var full = Evaluate(figures, layout, totalNum, totalDen, totalShots, totalTime);
        var leaveOut = new double[groups][];
        var num = new double[reductions];
        var den = new double[reductions];
        for (int g = 0; g < groups; g++)
        {
            for (int r = 0; r < reductions; r++)
            {
                num[r] = totalNum[r] - sums.Numerators[g, r];
                den[r] = totalDen[r] - sums.Denominators[g, r];
            }
            leaveOut[g] = Evaluate(figures, layout, num, den, totalShots - sums.Shots[g], totalTime - sums.Time[g]);
        }

        var sampled = SampledFigures(figures);
        var result = new List<FigureValue>(figures.Count);
        for (int f = 0; f < figures.Count; f++)
        {
            // A figure that reads no shot (constants and exact link functions only) is exact:
            // its jackknife would report rounding noise (~1e-16) as an error.
            double stderr = sampled[f] ? double.NaN : 0;
            if (sampled[f] && groups >= 2)
            {
                double mean = 0;
                for (int g = 0; g < groups; g++) mean += leaveOut[g][f];
                mean /= groups;
                double squares = 0;
                for (int g = 0; g < groups; g++) squares += (leaveOut[g][f] - mean) * (leaveOut[g][f] - mean);
                stderr = Math.Sqrt((groups - 1) / (double)groups * squares);
            }
            result.Add(new FigureValue(figures[f].Name, full[f], stderr));
        }
        return result;
    }

    /// <summary>Which figures depend on the shots (through a reduction or shot_time, directly or by reference).</summary>
    private static bool[] SampledFigures(IReadOnlyList<FigureDefinition> figures)
    {
        var byName = new Dictionary<string, bool>(StringComparer.Ordinal);
        var result = new bool[figures.Count];
        for (int f = 0; f < figures.Count; f++)
        {
            result[f] = Sampled(figures[f].Expression);
            byName[figures[f].Name] = result[f];
        }
        return result;

        bool Sampled(FigureExpression expression) => expression switch
        {
            FigureReduction or FigureShotTime or FigureBit => true,
            FigureReference r => byName.GetValueOrDefault(r.Name, true),
            FigureUnary u => Sampled(u.Operand),
            FigureBinary b => Sampled(b.Left) || Sampled(b.Right),
            FigureCall c => c.Arguments.Any(Sampled),
            _ => false,
        };
    }

    private static double[] Evaluate(IReadOnlyList<FigureDefinition> figures, FigureLayout layout, double[] num, double[] den, double shots, double time)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var result = new double[figures.Count];
        for (int f = 0; f < figures.Count; f++)
        {
            result[f] = Value(figures[f].Expression);
            values[figures[f].Name] = result[f];
        }
        return result;

        double Value(FigureExpression expression) => expression switch
        {
            FigureConstant c => c.Value,
            FigureReference r => values[r.Name],
            FigureShotTime => time / shots,
            FigureReduction r => layout.IndexOf(r) is int i && r.Kind == ReductionKind.Mean ? num[i] / den[i] : num[layout.IndexOf(r)] / shots,
            FigureUnary u => FigureFunctions.Apply(u.Operator, Value(u.Operand)),
            FigureBinary b => FigureFunctions.Apply(b.Operator, Value(b.Left), Value(b.Right)),
            FigureCall c => FigureFunctions.Apply(c.Function, [.. c.Arguments.Select(Value)]),
            _ => throw new InvalidOperationException($"unknown figure expression {expression.GetType().Name}"),
        };
    }
}
