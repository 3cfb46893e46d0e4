namespace QNetLang.Simulation.Tests;

/// <summary>
/// Exact expected pair counts of pooled memories on small chains, by a Markov chain over the
/// attempt grid (no sampling). With instantaneous swaps and messages, every attempt of every
/// slot ends on the grid k·T (a slot freed at k·T attempts again from k·T), so one step of the
/// chain is one attempt period.
/// </summary>
internal static class PooledMemoryReference
{
    /// <summary>
    /// One link, M slots per end: each slot pair is a Bernoulli trial per period, and the
    /// application frees the slots at once, so the pairs in <paramref name="steps"/> periods
    /// are M·steps·p.
    /// </summary>
    public static double OneLink(int slots, int steps, double success) => slots * steps * success;

    /// <summary>
    /// Two links through one repeater, M slots per link end, swaps and news instantaneous: the
    /// repeater swaps as soon as it holds a pair on each side, so at most one side holds pairs.
    /// The state is x = (pairs held on the left) − (pairs held on the right), −M ≤ x ≤ M; in a
    /// period the left link attempts on its M − max(x, 0) free slot pairs and the right on
    /// M − max(−x, 0), independently (binomial successes); min(left held, right held) pairs are
    /// swapped and delivered. Returns the expected deliveries over <paramref name="steps"/> periods.
    /// </summary>
    public static double TwoLinks(int slots, int steps, double success)
    {
        int m = slots;
        var distribution = new double[2 * m + 1];
        distribution[m] = 1; // x = 0: nothing held
        var binomial = Enumerable.Range(0, m + 1).Select(n => Binomial(n, success)).ToArray();
        double delivered = 0;
        for (int step = 0; step < steps; step++)
        {
            var next = new double[2 * m + 1];
            for (int x = -m; x <= m; x++)
            {
                double px = distribution[x + m];
                if (px == 0) continue;
                int left = Math.Max(x, 0), right = Math.Max(-x, 0);
                var leftWins = binomial[m - left];
                var rightWins = binomial[m - right];
                for (int a = 0; a < leftWins.Length; a++)
                    for (int b = 0; b < rightWins.Length; b++)
                    {
                        double p = px * leftWins[a] * rightWins[b];
                        int heldLeft = left + a, heldRight = right + b;
                        delivered += p * Math.Min(heldLeft, heldRight);
                        next[heldLeft - heldRight + m] += p;
                    }
            }
            distribution = next;
        }
        return delivered;
    }

    private static double[] Binomial(int n, double p)
    {
        var pmf = new double[n + 1];
        for (int k = 0; k <= n; k++)
        {
            double c = 1;
            for (int i = 0; i < k; i++) c = c * (n - i) / (i + 1);
            pmf[k] = c * Math.Pow(p, k) * Math.Pow(1 - p, n - k);
        }
        return pmf;
    }
}
