using System.Numerics;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The closed form of the time until a request's end-to-end pair is delivered, as a distribution
/// on a time grid, for the protocol of docs/simulator.md §9: heralded links, nested swaps that
/// start once both halves are known at the swapping node, a failed swap restarting the links
/// under it once the failure message reaches both ends of each, and delivery once both ends
/// know. It is computed independently of the simulator's event loop: a link is a geometric
/// number of attempts (a point mass on a lattice), a swap the maximum of its halves' known
/// times (product of distribution functions), and the retries after failed swaps a geometric
/// sum (a/(1 − (1−a)·φ) in the Fourier domain). Two requests that run side by side finish at
/// the maximum of two independent delivery times, which is the shot time of a program with two
/// `epr`s.
/// </summary>
internal sealed class PairTimeReference
{
    private readonly int _size;
    private readonly double _grid;

    /// <param name="gridSeconds">Width of one bin; every delay should be a multiple of it (else it is rounded).</param>
    /// <param name="log2Bins">The horizon is 2^log2Bins bins; the mass beyond it must be negligible (it would wrap around).</param>
    public PairTimeReference(double gridSeconds, int log2Bins)
    {
        _grid = gridSeconds;
        _size = 1 << log2Bins;
    }

    private int Bins(double seconds) => (int)Math.Round(seconds / _grid);

    /// <summary>
    /// A uniform chain of <paramref name="links"/> links, nested swapping: each link heralds
    /// after a geometric number of attempts of <paramref name="attemptSeconds"/> with success
    /// <paramref name="success"/>; classical messages take <paramref name="hopSeconds"/> per link;
    /// a swap takes <paramref name="swapSeconds"/> and succeeds with <paramref name="swapSuccess"/>.
    /// Returns the probability of delivery in each bin (the bin's time is index × grid).
    /// </summary>
    public double[] NestedChainDelivery(int links, double attemptSeconds, double success, double hopSeconds, double swapSuccess, double swapSeconds)
    {
        var chain = new Chain(this, Bins(attemptSeconds), success, Bins(hopSeconds), swapSuccess, Bins(swapSeconds));
        var (formed, at) = chain.Formed(0, links - 1, notifier: -1);
        int known = Math.Max(Math.Abs(at - 0), Math.Abs(at - links)) * chain.Hop;
        return Shift(formed, at < 0 ? 0 : known);
    }

    /// <summary>
    /// Two links that meet at a swapping node, each a Poisson process of rate
    /// <paramref name="linkRate"/> per second (a geometric number of short attempts), whose pairs
    /// are discarded after <paramref name="cutoffSeconds"/> while they wait for the other (the
    /// discarded link starts again at once; by memorylessness both links are then as at the
    /// start); the swap as in <see cref="NestedChainDelivery"/>, a failure restarting both links
    /// after <paramref name="failureNewsSeconds"/>, the pair known at both ends
    /// <paramref name="deliveryNewsSeconds"/> after the swap.
    /// </summary>
    public double[] TwoLinksWithCutoffDelivery(double linkRate, double cutoffSeconds, double swapSuccess, double swapSeconds, double failureNewsSeconds, double deliveryNewsSeconds)
    {
        // One cycle: the first herald of either link (rate 2λ), then the other's within the cutoff
        // (rate λ), or the cutoff passes and the cycle starts again.
        var first = Exponential(2 * linkRate, double.PositiveInfinity);
        var partner = Exponential(linkRate, cutoffSeconds);
        double stale = Math.Exp(-linkRate * cutoffSeconds);
        var firstF = Fft(first);
        var partnerF = Fft(partner);
        var restartF = Fft(Point(Bins(cutoffSeconds)));
        var formedF = new Complex[_size];
        for (int k = 0; k < _size; k++)
            formedF[k] = firstF[k] * partnerF[k] / (1 - stale * firstF[k] * restartF[k]);
        var swapF = Fft(Point(Bins(swapSeconds)));
        var newsF = Fft(Point(Bins(failureNewsSeconds)));
        var deliveredF = new Complex[_size];
        for (int k = 0; k < _size; k++)
        {
            var cycle = formedF[k] * swapF[k];
            deliveredF[k] = swapSuccess * cycle / (1 - (1 - swapSuccess) * cycle * newsF[k]);
        }
        return Shift(Inverse(deliveredF), Bins(deliveryNewsSeconds));
    }

    /// <summary>The mean of a distribution on the grid, in seconds.</summary>
    public double Mean(double[] pmf)
    {
        double mean = 0;
        for (int i = 0; i < pmf.Length; i++) mean += i * pmf[i];
        return mean * _grid;
    }

    /// <summary>
    /// The mean number of renewals by <paramref name="seconds"/> when each cycle lasts a draw of
    /// <paramref name="pmf"/> (a stream that asks for the next pair when one is delivered):
    /// Σ_k P(S_k ≤ t), the renewal function, as Σ φ^k = φ/(1 − φ) in the Fourier domain. The
    /// cycle distribution is tilted by e^(−γ·i) first, so that the sums of many cycles that pass
    /// the horizon do not wrap around onto [0, t]; the tilt is undone afterwards.
    /// </summary>
    public double MeanRenewals(double[] pmf, double seconds)
    {
        int last = Bins(seconds);
        double gamma = 10.0 / last;
        if (gamma * _size < 40) throw new ArgumentException("the horizon must be at least four times the time asked for");
        var tilted = pmf.Select((p, i) => p * Math.Exp(-gamma * i)).ToArray();
        var spectrum = Fft(tilted);
        for (int k = 0; k < _size; k++) spectrum[k] /= 1 - spectrum[k];
        var density = Inverse(spectrum);
        double renewals = 0;
        for (int i = 0; i <= last; i++) renewals += density[i] * Math.Exp(gamma * i);
        return renewals;
    }

    /// <summary>The probability of a time after <paramref name="seconds"/> (including any mass beyond the horizon).</summary>
    public double Beyond(double[] pmf, double seconds)
    {
        double below = 0;
        for (int i = 0; i <= Math.Min(pmf.Length - 1, Bins(seconds)); i++) below += pmf[i];
        return Math.Max(0, 1 - below);
    }

    /// <summary>The mean of the later of <paramref name="count"/> independent draws, in seconds.</summary>
    public double MeanOfLatest(double[] pmf, int count)
    {
        double mean = 0, cdf = 0, below = 0;
        for (int i = 0; i < pmf.Length; i++)
        {
            cdf += pmf[i];
            double now = Math.Pow(Math.Min(1, cdf), count);
            mean += i * (now - below);
            below = now;
        }
        return mean * _grid;
    }

    /// <summary>The nested (doubling) swap tree of a uniform chain; formation times per segment and notifier.</summary>
    private sealed class Chain(PairTimeReference grid, int attempt, double success, int hop, double swapSuccess, int swap)
    {
        public int Hop => hop;

        /// <summary>
        /// When the segment of links lo..hi forms, all its links started at 0 except for the
        /// news of a failure at path index <paramref name="notifier"/> (−1: none), and the path
        /// index of the node that formed it (−1: a link, known at both ends at once).
        /// </summary>
        public (double[] Pmf, int At) Formed(int lo, int hi, int notifier)
        {
            if (lo == hi)
            {
                int offset = notifier < 0 ? 0 : Math.Max(Math.Abs(notifier - lo), Math.Abs(notifier - lo - 1)) * hop;
                return (grid.Geometric(offset, attempt, success), -1);
            }
            int mid = (lo + hi) / 2, at = mid + 1;
            var first = Ready(lo, mid, hi, at, notifier);
            var retry = Ready(lo, mid, hi, at, at);
            var firstF = grid.Fft(first);
            var retryF = grid.Fft(retry);
            var formedF = new Complex[grid._size];
            // Formed = first cycle, then, after each failure (probability 1 − a), a retry cycle.
            for (int k = 0; k < formedF.Length; k++)
                formedF[k] = firstF[k] * swapSuccess / (1 - (1 - swapSuccess) * retryF[k]);
            return (grid.Inverse(formedF), at);
        }

        /// <summary>One cycle at the node <paramref name="at"/>: both halves known there, then the swap.</summary>
        private double[] Ready(int lo, int mid, int hi, int at, int notifier)
        {
            var (left, leftAt) = Formed(lo, mid, notifier);
            var (right, rightAt) = Formed(mid + 1, hi, notifier);
            var leftKnown = grid.Shift(left, leftAt < 0 ? 0 : Math.Abs(leftAt - at) * hop);
            var rightKnown = grid.Shift(right, rightAt < 0 ? 0 : Math.Abs(rightAt - at) * hop);
            return grid.Shift(Latest(leftKnown, rightKnown), swap);
        }
    }

    private static double[] Latest(double[] a, double[] b)
    {
        var result = new double[a.Length];
        double ca = 0, cb = 0, below = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ca += a[i];
            cb += b[i];
            double now = ca * cb;
            result[i] = now - below;
            below = now;
        }
        return result;
    }

    private double[] Geometric(int offset, int step, double p)
    {
        var pmf = new double[_size];
        double survive = 1;
        for (int i = offset + step; i < _size; i += step)
        {
            pmf[i] = survive * p;
            survive *= 1 - p;
        }
        return pmf;
    }

    /// <summary>An exponential waiting time of <paramref name="rate"/>, only the part below <paramref name="limit"/> (a sub-distribution).</summary>
    private double[] Exponential(double rate, double limit)
    {
        var pmf = new double[_size];
        for (int i = 0; i < _size; i++)
        {
            double from = i * _grid, to = Math.Min((i + 1) * _grid, limit);
            if (from >= limit) break;
            pmf[i] = Math.Exp(-rate * from) - Math.Exp(-rate * to);
        }
        return pmf;
    }

    private double[] Point(int bin)
    {
        var pmf = new double[_size];
        pmf[bin] = 1;
        return pmf;
    }

    private double[] Shift(double[] pmf, int bins)
    {
        var shifted = new double[_size];
        Array.Copy(pmf, 0, shifted, bins, _size - bins);
        return shifted;
    }

    private Complex[] Fft(double[] pmf)
    {
        var data = pmf.Select(x => new Complex(x, 0)).ToArray();
        Transform(data, inverse: false);
        return data;
    }

    private double[] Inverse(Complex[] spectrum)
    {
        var data = (Complex[])spectrum.Clone();
        Transform(data, inverse: true);
        return data.Select(c => Math.Max(0, c.Real / _size)).ToArray();
    }

    /// <summary>In-place iterative radix-2 Cooley–Tukey transform (the sign of the exponent flips for the inverse).</summary>
    private static void Transform(Complex[] data, bool inverse)
    {
        int n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (data[i], data[j]) = (data[j], data[i]);
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            var unit = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (int i = 0; i < n; i += length)
            {
                var w = Complex.One;
                for (int k = 0; k < length / 2; k++)
                {
                    var u = data[i + k];
                    var v = data[i + k + length / 2] * w;
                    data[i + k] = u + v;
                    data[i + k + length / 2] = u - v;
                    w *= unit;
                }
            }
        }
    }
}
