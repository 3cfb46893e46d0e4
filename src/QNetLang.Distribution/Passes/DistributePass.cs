using QNetLang.Distribution.Telegates;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>
/// Makes every operation local: remote gates that a telegate cannot serve are decomposed, the
/// cheapest set of cat-entangled copies is chosen (<see cref="TelegateCover"/>), copies are
/// opened and closed around the gates that use them over communication qubits, and explicit
/// teleports become Bell pair + Bell measurement + corrections.
/// </summary>
public sealed class DistributePass : IPass
{
    public string Name => "distribute";

    public IReadOnlyList<string> Requires => [CircuitProperties.Placed];

    public IReadOnlyList<string> Guarantees => [CircuitProperties.Local];

    public Circuit Run(Circuit circuit, PassContext context)
    {
        var distances = new NetworkDistances(circuit.Network);
        var nonLocal = NonLocalGateCounter.Count(circuit);
        context.Statistics.NonLocalGatesByTelegate = nonLocal.ByTelegate;
        context.Statistics.NonLocalGatesByMove = nonLocal.ByMove;
        var decomposed = RemoteGateDecomposer.Run(circuit);
        var model = InteractionModel.Build(decomposed, distances, variable: _ => false, decompose: _ => false);
        // Where communication qubits may run out, copies that are open for less time crowd nodes less.
        bool commMayRunOut = distances.Processors.Any(p => p.CommQubits < circuit.Qubits.Length);
        var cover = TelegateCover.Solve(model, [], distances, shortCopiesFirst: commMayRunOut);
        return new TelegateRewriter(decomposed, model, cover, distances, context).Rewrite();
    }
}
