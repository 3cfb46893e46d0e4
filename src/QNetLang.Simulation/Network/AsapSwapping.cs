using QNetLang.Core;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// Swap order `swap = asap` (docs/simulator.md §9): every repeater of a route swaps as soon as
/// both of its own links hold a heralded pair, without waiting for news from anywhere else (a
/// Bell measurement needs only its two local qubits; the Pauli corrections are applied at the
/// end). The end-to-end pair exists once every repeater has swapped, and is delivered when the
/// news of the last swap has reached both ends. A failed swap destroys everything joined to its
/// two links by swaps done or under way (the component): those links start again once the
/// failure's news reaches both of their ends. A link pair past its cutoff while the route is not
/// yet joined discards its component, and those links start again at once.
/// Because Bell-diagonal noise commutes, each link pair is aged at each of its two nodes for
/// exactly the time until that node swapped it (until delivery at the route's ends), and the
/// end-to-end state is the composition of the aged link pairs and the swaps' readout flips.
/// </summary>
public sealed partial class EntanglementService
{
    /// <summary>Per repeater (path index 1 .. links − 1): when its swap started and ended (−1: not yet), and a counter that voids stale swap events.</summary>
    private sealed class AsapState(int nodes)
    {
        public readonly long[] SwapStart = Filled(nodes, -1);
        public readonly long[] SwapEnd = Filled(nodes, -1);
        public readonly int[] Generation = new int[nodes];
        public int SwapsDone;
        /// <summary>Counts destroyed components, so a delivery scheduled before one is void.</summary>
        public int Epoch;

        private static long[] Filled(int n, long value)
        {
            var a = new long[n];
            Array.Fill(a, value);
            return a;
        }
    }

    private void OnAsapLinkReady(Request request, Segment link, long time)
    {
        TryAsapSwap(request, link.Lo, time);
        TryAsapSwap(request, link.Lo + 1, time);
        if (link.Cutoff is { } cutoff) Schedule(link.Oldest + cutoff, CutoffEvent, link);
    }

    /// <summary>Starts the swap at path index <paramref name="k"/> when both of its links hold pairs.</summary>
    private void TryAsapSwap(Request request, int k, long time)
    {
        var asap = request.Asap!;
        if (k <= 0 || k >= request.Links.Length || asap.SwapStart[k] >= 0) return;
        if (!request.Segments[k - 1].Ready || !request.Segments[k].Ready) return;
        asap.SwapStart[k] = time;
        var node = _network.Nodes[request.Path[k]];
        long swapTime = node.Kind == NodeKind.Repeater ? node.SwapTimePs : node.TwoQubitGateTimePs + node.MeasureTimePs;
        long swapped = SimTime.After(time, swapTime);
        if (swapped > _maxTimePs) TimeLimit($"swap at {node.Name}");
        _queue.Schedule(swapped, this, AsapSwapEvent, request.Id, ((long)k << 32) | (uint)asap.Generation[k]);
    }

    private void OnAsapSwap(Request request, int k, int generation, long time)
    {
        var asap = request.Asap!;
        if (generation != asap.Generation[k]) return;
        var node = _network.Nodes[request.Path[k]];
        bool swapped = _random.Chance(node.Kind == NodeKind.Repeater ? node.SwapSuccess : 1);
        Record?.Invoke(node.Name, swapped ? "swap" : "swap (failed)", asap.SwapStart[k], time);
        if (!swapped)
        {
            DiscardComponent(request, k - 1, k, time, notifier: k);
            return;
        }
        asap.SwapEnd[k] = time;
        if (++asap.SwapsDone < request.Links.Length - 1) return;
        // Every repeater has swapped: both ends know the pair once every swap's news has come.
        long delivered = time;
        for (int j = 1; j < request.Links.Length; j++)
            delivered = Math.Max(delivered, asap.SwapEnd[j] + Math.Max(
                _network.Delay(request.Path[j], request.Path[0]), _network.Delay(request.Path[j], request.Path[^1])));
        if (delivered > _maxTimePs) TimeLimit($"the pair between {Name(request.Path[0])} and {Name(request.Path[^1])} was delivered after it");
        _queue.Schedule(delivered, this, AsapDeliverEvent, request.Id, asap.Epoch);
    }

    private void OnAsapCutoff(Request request, Segment link, int generation, long time)
    {
        var asap = request.Asap!;
        if (generation != link.Generation || !link.Ready) return;
        // Once every repeater has started its swap the pair is on its way to the ends.
        bool joined = true;
        for (int j = 1; j < request.Links.Length; j++) joined &= asap.SwapStart[j] >= 0;
        if (!joined) DiscardComponent(request, link.Lo, link.Lo, time, notifier: -1);
    }

    /// <summary>
    /// Discards links <paramref name="first"/> .. <paramref name="last"/> and everything joined to
    /// them by swaps done or under way; the links start again once the news from path index
    /// <paramref name="notifier"/> reaches both of their ends (at once when −1).
    /// </summary>
    private void DiscardComponent(Request request, int first, int last, long time, int notifier)
    {
        var asap = request.Asap!;
        while (first >= 1 && asap.SwapStart[first] >= 0) first--;
        while (last + 1 < request.Links.Length && asap.SwapStart[last + 1] >= 0) last++;
        for (int j = first + 1; j <= last; j++)
        {
            if (asap.SwapEnd[j] >= 0) asap.SwapsDone--;
            asap.SwapStart[j] = asap.SwapEnd[j] = -1;
            asap.Generation[j]++;
        }
        asap.Epoch++;
        for (int i = first; i <= last; i++) StartSubtree(request, i, time, notifier);
    }

    private void OnAsapDeliver(Request request, int epoch, long time)
    {
        var asap = request.Asap!;
        if (epoch != asap.Epoch) return;
        int links = request.Links.Length;
        BellDiagonal state = default;
        for (int i = 0; i < links; i++)
        {
            var link = request.Segments[i];
            // Each half decays at its node until that node swapped it; the route's ends hold theirs until now.
            link.State = _network.Nodes[request.Path[i]].Hold(link.State, (i == 0 ? time : asap.SwapStart[i]) - link.LastUpdate);
            link.State = _network.Nodes[request.Path[i + 1]].Hold(link.State, (i == links - 1 ? time : asap.SwapStart[i + 1]) - link.LastUpdate);
            if (i == 0)
            {
                state = link.State;
                continue;
            }
            state = state.Compose(link.State);
            double e = _network.Nodes[request.Path[i]].MeasureError;
            if (e > 0) state = state.Compose(new BellDiagonal((1 - e) * (1 - e), e * (1 - e), e * e, e * (1 - e)));
        }
        request.RawPairs++;
        if (request.Policy.Active && state.Fidelity < request.Policy.TargetFidelity)
        {
            Store(request, request.Id, 0, state, time);
            DiscardComponent(request, 0, links - 1, time, notifier: -1); // the links are free again: make the next raw pair
            return;
        }
        Finish(request, state, time, rounds: 0);
    }
}
