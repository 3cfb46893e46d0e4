using System.Diagnostics;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>
/// Runs passes in order, checks each pass's requirements against the guarantees of the passes
/// before it, times every pass, optionally validates the IR after each, and stops after a named
/// pass or at the first pass that reports an error.
/// </summary>
public sealed class PassManager(IReadOnlyList<IPass> passes)
{
    public IReadOnlyList<IPass> Passes { get; } = Check(passes);

    /// <summary>Runs up to and including <paramref name="stopAfter"/> (all passes when null).</summary>
    public Circuit Run(Circuit circuit, PassContext context, string? stopAfter = null)
    {
        foreach (var pass in Passes)
        {
            var clock = Stopwatch.StartNew();
            circuit = pass.Run(circuit, context);
            context.Statistics.PassTimes.Add((pass.Name, clock.Elapsed.TotalMilliseconds));
            if (context.Diagnostics.HasErrors) return circuit;
            if (context.ValidateAfterEachPass) IrValidator.ThrowIfInvalid(circuit, pass.Name);
            if (pass.Name == stopAfter) break;
        }
        return circuit;
    }

    private static IReadOnlyList<IPass> Check(IReadOnlyList<IPass> passes)
    {
        var established = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pass in passes)
        {
            var missing = pass.Requires.Where(r => !established.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"pass {pass.Name} requires {string.Join(", ", missing)}, which no earlier pass guarantees");
            established.UnionWith(pass.Guarantees);
        }
        return passes;
    }
}
