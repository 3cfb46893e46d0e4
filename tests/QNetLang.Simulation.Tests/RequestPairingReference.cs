namespace QNetLang.Simulation.Tests;

/// <summary>
/// The exact expected pair count of a chain of three routers with one memory per link end,
/// pooled, nested swaps and `link_pairing = request` (docs/simulator.md §9), on the lattice of
/// its delays, computed without the simulator's event loop.
/// <para>
/// Let a request leg take d, an attempt after it A, so one attempt costs T = d + A counted from
/// its request; a swap takes S and its news d. After the swap at the middle router ends (time s)
/// its two slots are free: its right slot asks the far end at once, and the request arrives just
/// as the swap's news frees the far end, so the right link heralds at s + T·G_R; the left end
/// learns of the delivery at s + d and only then asks, so the left link heralds at
/// s + d + T·G_L (G geometric in the success p: a failed attempt frees both slots and the asking
/// end asks again). The next swap ends at s' = s + S + max(d + T·G_L, T·G_R), and the first at
/// S + T·max(G_L, G_R) (both links ask at 0). Each swap end s is a delivery at s + d. With d &lt; T,
/// max(d + T·a, T·b) is d + T·a when a ≥ b and T·b otherwise, so the cycle has the point masses
/// p·q^(n−1)·(1 − q^n) at S + d + T·n and p·q^(n−1)·(1 − q^(n−1)) at S + T·n (q = 1 − p).
/// The expected number of deliveries by t is Σ over lattice times u ≤ t − d of f(u), the
/// probability that some swap ends at u: f = first + f ∗ cycle, a recursion in u.
/// </para>
/// </summary>
internal static class RequestPairingReference
{
    public static double ThreeRouters(double requestSeconds, double attemptSeconds, double success, double swapSeconds, double seconds, double gridSeconds)
    {
        int Bins(double s)
        {
            double bins = s / gridSeconds;
            Assert.True(Math.Abs(bins - Math.Round(bins)) < 1e-6, $"{s} s is not a multiple of the grid");
            return (int)Math.Round(bins);
        }
        int d = Bins(requestSeconds), t = Bins(requestSeconds + attemptSeconds), swap = Bins(swapSeconds), horizon = Bins(seconds) - d;
        Assert.True(d < t);
        double q = 1 - success;
        var first = new double[horizon + 1];
        var cycle = new Dictionary<int, double>();
        for (int n = 1; ; n++)
        {
            double qn = Math.Pow(q, n), qn1 = Math.Pow(q, n - 1);
            if (qn1 < 1e-17) break;
            Add(first, swap + t * n, (1 - qn) * (1 - qn) - (1 - qn1) * (1 - qn1));
            cycle[swap + d + t * n] = cycle.GetValueOrDefault(swap + d + t * n) + success * qn1 * (1 - qn);
            cycle[swap + t * n] = cycle.GetValueOrDefault(swap + t * n) + success * qn1 * (1 - qn1);
        }
        var ends = new double[horizon + 1];
        double expected = 0;
        for (int u = 0; u <= horizon; u++)
        {
            double f = first[u];
            foreach (var (length, p) in cycle)
                if (length <= u) f += ends[u - length] * p;
            ends[u] = f;
            expected += f;
        }
        return expected;
    }

    private static void Add(double[] pmf, int bin, double p)
    {
        if (bin < pmf.Length) pmf[bin] += p;
    }
}
