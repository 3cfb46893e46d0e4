using QNetLang.Simulation.Execution;
using QNetLang.Simulation.Figures;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Blocks;

/// <summary>
/// Sums over one block of shots. Blocks are merged into the total in block order, whichever
/// thread or machine ran them, so floating-point sums are reproducible; a block travels between
/// machines as bytes (<see cref="BlockCodec"/>), every double bit for bit.
/// </summary>
public sealed class BlockAggregate
{
    internal BlockAggregate(FigureSums? figures) => Figures = figures;

    internal FigureSums? Figures { get; }

    /// <summary>The block's shots, when they are recorded.</summary>
    public List<ShotRecord> Records { get; } = [];
    public SortedDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);
    public double TimeSum { get; internal set; }
    public double PeriodSum { get; internal set; }
    public long PairsDelivered { get; internal set; }
    internal SortedDictionary<(string, string), PairSums> Pairs { get; } = new();

    internal void Add(int shot, string key, ShotOutcome outcome, NetworkModel network)
    {
        Figures?.Add(shot, outcome.Bits, outcome.PeriodPs);
        Counts[key] = Counts.GetValueOrDefault(key) + 1;
        TimeSum += outcome.TimePs;
        PeriodSum += outcome.PeriodPs;
        foreach (var pair in outcome.Pairs)
        {
            string a = network.Nodes[pair.From].Name, b = network.Nodes[pair.To].Name;
            var k = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            var s = Pairs.GetValueOrDefault(k);
            var policy = pair.Policy is { Active: true } p ? p : null;
            Pairs[k] = new PairSums(s.Count + 1, s.Fidelity + pair.State.Fidelity, s.Wait + (pair.DeliveredAt - pair.RequestedAt), s.Attempts + pair.Attempts,
                s.Rounds + pair.Rounds, s.RawPairs + pair.RawPairs, s.Tried + pair.RoundsTried, s.Passed + pair.RoundsPassed, s.Policy ?? policy);
            PairsDelivered++;
        }
    }

    internal void Merge(BlockAggregate other)
    {
        foreach (var (k, v) in other.Counts) Counts[k] = Counts.GetValueOrDefault(k) + v;
        TimeSum += other.TimeSum;
        PeriodSum += other.PeriodSum;
        PairsDelivered += other.PairsDelivered;
        if (other.Figures is not null) Figures?.Merge(other.Figures);
        foreach (var (k, v) in other.Pairs)
        {
            var s = Pairs.GetValueOrDefault(k);
            Pairs[k] = new PairSums(s.Count + v.Count, s.Fidelity + v.Fidelity, s.Wait + v.Wait, s.Attempts + v.Attempts,
                s.Rounds + v.Rounds, s.RawPairs + v.RawPairs, s.Tried + v.Tried, s.Passed + v.Passed, s.Policy ?? v.Policy);
        }
    }

    internal IReadOnlyList<PairStatistics> PairStatistics() =>
        Pairs.Select(p => new PairStatistics(p.Key.Item1, p.Key.Item2, p.Value.Count, p.Value.Fidelity / p.Value.Count, p.Value.Wait / p.Value.Count, p.Value.Attempts / p.Value.Count)
        {
            Distillation = p.Value.Policy is { } policy
                ? new DistillationStatistics(policy.Name, policy.TargetFidelity, p.Value.Rounds / (double)p.Value.Count, p.Value.RawPairs / (double)p.Value.Count,
                    p.Value.Tried == 0 ? double.NaN : p.Value.Passed / (double)p.Value.Tried, p.Value.Tried)
                : null,
        }).ToList();
}

/// <summary>Sums over the pairs between two nodes; the policy is the one their route used (null: not distilled).</summary>
internal readonly record struct PairSums(long Count, double Fidelity, double Wait, double Attempts, long Rounds, long RawPairs, long Tried, long Passed, DistillationPolicy? Policy);
