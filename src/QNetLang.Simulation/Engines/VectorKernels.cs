using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// In-place gate kernels over an amplitude array whose index bit k is qubit position k. Shared
/// by the state-vector engine and the density-matrix engine (which treats ρ as a vector over
/// row and column qubits). Single-qubit and controlled single-qubit gates, the bulk of every
/// circuit, run two amplitudes per AVX register; registers of 2^16 amplitudes or more are split
/// over threads, each thread owning a disjoint set of amplitude pairs.
/// </summary>
public static class VectorKernels
{
    /// <summary>Registers at least this large (amplitudes) use several threads.</summary>
    public static int ParallelThreshold { get; set; } = 1 << 16;

    /// <summary>Upper bound on threads per kernel call (default: all cores).</summary>
    public static int MaxThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Applies [[m00, m01], [m10, m11]] to position <paramref name="target"/> where every bit of <paramref name="controlMask"/> is 1.</summary>
    public static void Apply1(Complex[] amp, int length, int target, ulong controlMask, Complex m00, Complex m01, Complex m10, Complex m11)
    {
        long pairs = length >> 1;
        int threads = ThreadsFor(length);
        if (threads <= 1)
        {
            Apply1Range(amp, target, controlMask, m00, m01, m10, m11, 0, pairs);
            return;
        }
        long chunk = ((pairs + threads - 1) / threads + 1) & ~1L; // even, so vector pairs never straddle chunks
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long from = t * chunk, to = Math.Min(pairs, from + chunk);
            if (from < to) Apply1Range(amp, target, controlMask, m00, m01, m10, m11, from, to);
        });
    }

    private static void Apply1Range(Complex[] amp, int target, ulong controlMask, Complex m00, Complex m01, Complex m10, Complex m11, long from, long to)
    {
        long stride = 1L << target;
        long low = stride - 1;
        bool diagonal = m01 == Complex.Zero && m10 == Complex.Zero;
        if (Avx.IsSupported && target >= 1 && controlMask == 0 && !diagonal)
        {
            Apply1Avx(amp, target, m00, m01, m10, m11, from, to);
            return;
        }
        for (long h = from; h < to; h++)
        {
            long i = ((h >> target) << (target + 1)) | (h & low);
            if (((ulong)i & controlMask) != controlMask) continue;
            long j = i | stride;
            Complex a = amp[i], b = amp[j];
            if (diagonal)
            {
                amp[i] = m00 * a;
                amp[j] = m11 * b;
            }
            else
            {
                amp[i] = m00 * a + m01 * b;
                amp[j] = m10 * a + m11 * b;
            }
        }
    }

    /// <summary>Two complex amplitudes per 256-bit register: a' = m00·a + m01·b, b' = m10·a + m11·b.</summary>
    private static void Apply1Avx(Complex[] amp, int target, Complex m00, Complex m01, Complex m10, Complex m11, long from, long to)
    {
        Span<double> d = MemoryMarshal.Cast<Complex, double>(amp.AsSpan());
        ref double d0 = ref MemoryMarshal.GetReference(d);
        long stride = 1L << target;
        long low = stride - 1;
        var r00 = Vector256.Create(m00.Real); var i00 = Vector256.Create(-m00.Imaginary, m00.Imaginary, -m00.Imaginary, m00.Imaginary);
        var r01 = Vector256.Create(m01.Real); var i01 = Vector256.Create(-m01.Imaginary, m01.Imaginary, -m01.Imaginary, m01.Imaginary);
        var r10 = Vector256.Create(m10.Real); var i10 = Vector256.Create(-m10.Imaginary, m10.Imaginary, -m10.Imaginary, m10.Imaginary);
        var r11 = Vector256.Create(m11.Real); var i11 = Vector256.Create(-m11.Imaginary, m11.Imaginary, -m11.Imaginary, m11.Imaginary);
        for (long h = from; h < to; h += 2)
        {
            long i = ((h >> target) << (target + 1)) | (h & low);
            ref double pa = ref Unsafe.Add(ref d0, (nint)(i * 2));
            ref double pb = ref Unsafe.Add(ref d0, (nint)((i + stride) * 2));
            var a = Vector256.LoadUnsafe(ref pa);
            var b = Vector256.LoadUnsafe(ref pb);
            var sa = Avx.Permute(a, 0b0101); // (im, re) per complex
            var sb = Avx.Permute(b, 0b0101);
            var na = r00 * a + i00 * sa + r01 * b + i01 * sb;
            var nb = r10 * a + i10 * sa + r11 * b + i11 * sb;
            na.StoreUnsafe(ref pa);
            nb.StoreUnsafe(ref pb);
        }
    }

    /// <summary>
    /// Any k-qubit matrix (operand 0 = most significant matrix index bit) on the given positions:
    /// gathers the 2^k amplitudes of each subspace, multiplies, scatters.
    /// </summary>
    public static void ApplyK(Complex[] amp, int length, ReadOnlySpan<int> positions, Complex[,] matrix)
    {
        int k = positions.Length;
        int dim = 1 << k;
        var offsets = new long[dim];
        for (int m = 0; m < dim; m++)
        {
            long off = 0;
            for (int j = 0; j < k; j++)
                if ((m >> (k - 1 - j) & 1) != 0) off |= 1L << positions[j];
            offsets[m] = off;
        }
        var sorted = positions.ToArray();
        Array.Sort(sorted);
        long groups = length >> k;
        var flat = new Complex[dim * dim];
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++) flat[r * dim + c] = matrix[r, c];
        int threads = ThreadsFor(length);
        if (threads <= 1)
        {
            ApplyKRange(amp, sorted, offsets, flat, dim, 0, groups);
            return;
        }
        long chunk = (groups + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long from = t * chunk, to = Math.Min(groups, from + chunk);
            if (from < to) ApplyKRange(amp, sorted, offsets, flat, dim, from, to);
        });
    }

    private static void ApplyKRange(Complex[] amp, int[] sortedPositions, long[] offsets, Complex[] flat, int dim, long from, long to)
    {
        Span<Complex> buffer = stackalloc Complex[dim];
        for (long g = from; g < to; g++)
        {
            long baseIndex = g;
            foreach (int p in sortedPositions) baseIndex = ((baseIndex >> p) << (p + 1)) | (baseIndex & ((1L << p) - 1));
            for (int m = 0; m < dim; m++) buffer[m] = amp[baseIndex | offsets[m]];
            for (int r = 0; r < dim; r++)
            {
                Complex sum = Complex.Zero;
                int row = r * dim;
                for (int c = 0; c < dim; c++) sum += flat[row + c] * buffer[c];
                amp[baseIndex | offsets[r]] = sum;
            }
        }
    }

    /// <summary>Σ |amp[i]|² over the indices with bit <paramref name="position"/> set.</summary>
    public static double ProbabilityOfOne(Complex[] amp, int length, int position)
    {
        long stride = 1L << position;
        double sum = 0;
        for (long i = stride; i < length; i = (i + 1) | stride)
        {
            Complex a = amp[i];
            sum += a.Real * a.Real + a.Imaginary * a.Imaginary;
        }
        return sum;
    }

    private static int ThreadsFor(int length) =>
        length >= ParallelThreshold ? Math.Max(1, Math.Min(MaxThreads, Environment.ProcessorCount)) : 1;

    /// <summary>
    /// Splits a gate into "controls + a single-qubit matrix on the last operand" when it has
    /// that form (cx, cz, cp, crx, ccx, …): identity everywhere except the last 2×2 block.
    /// </summary>
    public static bool TryAsControlled(Complex[,] matrix, out Complex[,] target)
    {
        int dim = matrix.GetLength(0);
        target = new Complex[2, 2];
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++)
            {
                if (r >= dim - 2 && c >= dim - 2) continue;
                Complex expected = r == c ? Complex.One : Complex.Zero;
                if ((matrix[r, c] - expected).Magnitude > 1e-14) return false;
            }
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++) target[r, c] = matrix[dim - 2 + r, dim - 2 + c];
        return true;
    }
}
