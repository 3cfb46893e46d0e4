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
        var cover = TelegateCover.Solve(model, [], distances);
        if (distances.Processors.Any(p => p.CommQubits < circuit.Qubits.Length))
            cover = CoverWithFewerReopenings(decomposed, model, cover, distances, context);
        return new TelegateRewriter(decomposed, model, cover, distances, context).Rewrite();
    }

    /// <summary>
    /// Trial rewrites after the first two (plain, shortest-lived), each with the copies reopened
    /// so far made dearer: at most <see cref="MaxReopeningRounds"/> (the CZ-0.9 48-qubit rows of
    /// the networks bench gain 10 % more ebits from rounds 5–12), at most
    /// <see cref="ReopeningBudget"/> divided by the interactions and at least one (a trial
    /// rewrite of 100 000 interactions takes about 0.4 s), and none after <see cref="Patience"/>
    /// rounds in a row that found nothing better.
    /// </summary>
    private const int MaxReopeningRounds = 12;

    private const long ReopeningBudget = 150_000;

    /// <summary>Rounds in a row without a new best after which the search stops.</summary>
    private const int Patience = 4;

    /// <summary>
    /// Where communication qubits may run out, the cover's cost leaves out copies closed early
    /// and opened again. Rewrites the circuit on the side with <paramref name="cover"/>, then with
    /// the cover of least cost whose copies live shortest (they crowd nodes less), and, while
    /// copies are reopened, with that cover solved again with each reopened copy weighing its
    /// hops once more per reopening (summed over the rounds), so that the gates of a crowded copy
    /// move to their partners' copies where that is cheaper. Keeps the cover whose rewrite spends
    /// the fewest ebits (the earliest on ties), so never more than <paramref name="cover"/>'s.
    /// </summary>
    private static TelegateCover.Result CoverWithFewerReopenings(Circuit circuit, InteractionModel model, TelegateCover.Result cover, NetworkDistances distances, PassContext context)
    {
        (int Ebits, IReadOnlyDictionary<long, int> Reopenings) Trial(TelegateCover.Result candidate)
        {
            var trial = new PassContext(new Core.DiagnosticBag(), context.Seed);
            var rewriter = new TelegateRewriter(circuit, model, candidate, distances, trial);
            rewriter.Rewrite();
            return (trial.Statistics.CatEntanglements, rewriter.Reopenings);
        }

        var (bestEbits, firstReopenings) = Trial(cover);
        if (firstReopenings.Count == 0) return cover;
        var best = cover;
        var reopenings = new Dictionary<long, int>();
        int rounds = (int)Math.Clamp(ReopeningBudget / Math.Max(1, model.InteractionArray.Length), 1, MaxReopeningRounds);
        cover = TelegateCover.Solve(model, [], distances, shortCopiesFirst: true);
        for (int round = 0, sinceBest = 0; ; round++)
        {
            var (ebits, reopened) = Trial(cover);
            if (ebits < bestEbits) (best, bestEbits, sinceBest) = (cover, ebits, 0);
            else sinceBest++;
            if (reopened.Count == 0 || round == rounds || sinceBest == Patience) return best;
            foreach (var (key, again) in reopened) reopenings[key] = reopenings.GetValueOrDefault(key) + again;
            cover = TelegateCover.Solve(model, [], distances, shortCopiesFirst: true, reopenings);
        }
    }
}
