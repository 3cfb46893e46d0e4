using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>An end-to-end pair handed to the program: its state, when it was asked for and delivered, and the elementary attempts it took.</summary>
public readonly record struct PairDelivery(int From, int To, BellDiagonal State, long RequestedAt, long DeliveredAt, long Attempts);

/// <summary>Receives delivered pairs (the program executor, or the pair-stream workload).</summary>
public interface IPairConsumer
{
    void PairDelivered(int token, PairDelivery delivery);
}
