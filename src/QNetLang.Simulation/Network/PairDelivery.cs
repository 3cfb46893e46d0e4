using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// An end-to-end pair handed to the program: its state, when it was asked for and delivered, the
/// elementary attempts it took, and its distillation: the policy (None when not distilled), the
/// recurrence level it was delivered at (its rounds), the raw end-to-end pairs made for it, and
/// the distillation rounds tried and passed on the way.
/// </summary>
public readonly record struct PairDelivery(int From, int To, BellDiagonal State, long RequestedAt, long DeliveredAt, long Attempts,
    DistillationPolicy? Policy = null, int Rounds = 0, long RawPairs = 1, long RoundsTried = 0, long RoundsPassed = 0);

/// <summary>Receives delivered pairs (the program executor, or the pair-stream workload).</summary>
public interface IPairConsumer
{
    void PairDelivered(int token, PairDelivery delivery);
}
