using System.Numerics;
using QNetLang.Backends.Qir;
using QNetLang.Ir;

namespace QNetLang.Tests.Qir;

/// <summary>Every gate without a QIR intrinsic decomposes into gates with one, and the product equals the catalog's unitary up to a global phase.</summary>
public class QirDecompositionTests
{
    public static IEnumerable<object[]> DecomposedGates() => GateCatalog.Gates.Where(g => g.QirName is null).Select(g => new object[] { g.Name });

    [Fact]
    public void EveryGateWithoutAnIntrinsicHasADecomposition() =>
        Assert.Equal(GateCatalog.Gates.Where(g => g.QirName is null).Select(g => g.Name).Order(StringComparer.Ordinal), QirDecompositions.Decomposed);

    [Theory]
    [MemberData(nameof(DecomposedGates))]
    public void DecompositionEqualsTheUnitaryUpToPhase(string name)
    {
        var gate = GateCatalog.Get(name);
        // A seed from the name (not string.GetHashCode, which differs per process) keeps failures reproducible.
        var random = new Random(name.Sum(c => c));
        for (int trial = 0; trial < 8; trial++)
        {
            var angles = Enumerable.Range(0, gate.ParameterCount).Select(_ => (random.NextDouble() - 0.5) * 4 * Math.PI).ToArray();
            int[] operands = Enumerable.Range(0, gate.QubitCount).ToArray();
            var product = Identity(1 << gate.QubitCount);
            foreach (var (part, partAngles, partQubits) in QirDecompositions.Expand(gate, angles, operands))
            {
                Assert.NotNull(part.QirName);
                product = Multiply(Embed(part.Unitary(partAngles), partQubits, gate.QubitCount), product);
            }
            AssertEqualUpToPhase(gate.Unitary(angles), product, $"{name}({string.Join(", ", angles)})");
        }
    }

    /// <summary>The gate's matrix on the given operands of an n-qubit register (operand 0 the most significant bit, as in the catalog).</summary>
    private static Complex[,] Embed(Complex[,] u, int[] qubits, int n)
    {
        int dim = 1 << n, k = qubits.Length;
        var result = new Complex[dim, dim];
        for (int row = 0; row < dim; row++)
            for (int col = 0; col < dim; col++)
            {
                bool othersEqual = true;
                int r = 0, c = 0;
                for (int q = 0; q < n; q++)
                {
                    int bit = 1 << (n - 1 - q);
                    int at = Array.IndexOf(qubits, q);
                    if (at < 0)
                    {
                        if ((row & bit) != (col & bit)) othersEqual = false;
                        continue;
                    }
                    int local = 1 << (k - 1 - at);
                    if ((row & bit) != 0) r |= local;
                    if ((col & bit) != 0) c |= local;
                }
                result[row, col] = othersEqual ? u[r, c] : Complex.Zero;
            }
        return result;
    }

    private static Complex[,] Identity(int dim)
    {
        var m = new Complex[dim, dim];
        for (int i = 0; i < dim; i++) m[i, i] = Complex.One;
        return m;
    }

    private static Complex[,] Multiply(Complex[,] a, Complex[,] b)
    {
        int dim = a.GetLength(0);
        var m = new Complex[dim, dim];
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < dim; j++)
            {
                Complex sum = Complex.Zero;
                for (int k = 0; k < dim; k++) sum += a[i, k] * b[k, j];
                m[i, j] = sum;
            }
        return m;
    }

    private static void AssertEqualUpToPhase(Complex[,] expected, Complex[,] actual, string what)
    {
        int dim = expected.GetLength(0);
        // The phase comes from the largest entry, where rounding matters least.
        (int pi, int pj) = (0, 0);
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < dim; j++)
                if (expected[i, j].Magnitude > expected[pi, pj].Magnitude) (pi, pj) = (i, j);
        Complex phase = actual[pi, pj] / expected[pi, pj];
        Assert.True(Math.Abs(phase.Magnitude - 1) < 1e-9, $"{what}: not a phase ({phase})");
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < dim; j++)
                Assert.True((expected[i, j] * phase - actual[i, j]).Magnitude < 1e-9, $"{what}: entry ({i},{j}) is {actual[i, j]}, expected {expected[i, j] * phase}");
    }
}
