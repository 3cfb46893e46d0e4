using System.Numerics;
using CsCheck;
using QNetLang.Ir;

namespace QNetLang.Tests;

public class GateCatalogTests
{
    [Fact]
    public void EveryGateIsUnitaryForAnyParameters()
    {
        foreach (var gate in GateCatalog.Gates)
        {
            Gen.Double[-10, 10].Array[gate.ParameterCount].Sample(parameters =>
            {
                var u = gate.Unitary(parameters);
                int n = u.GetLength(0);
                Assert.Equal(1 << gate.QubitCount, n);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                    {
                        Complex sum = 0;
                        for (int k = 0; k < n; k++) sum += Complex.Conjugate(u[k, i]) * u[k, j];
                        Assert.True((sum - (i == j ? 1 : 0)).Magnitude < 1e-12, $"{gate.Name} is not unitary at ({i},{j})");
                    }
            }, iter: 20);
        }
    }

    [Theory]
    [InlineData("cx", new[] { true, false })]
    [InlineData("cz", new[] { true, true })]
    [InlineData("cp", new[] { true, true })]
    [InlineData("crx", new[] { true, false })]
    [InlineData("rzz", new[] { true, true })]
    [InlineData("swap", new[] { false, false })]
    [InlineData("ccx", new[] { true, true, false })]
    public void ControlsAreDerivedFromTheMatrix(string name, bool[] diagonalOn)
    {
        Assert.Equal(diagonalOn, GateCatalog.Get(name).DiagonalOn.ToArray());
    }

    [Theory]
    [InlineData("U", "u")]
    [InlineData("u3", "u")]
    [InlineData("CX", "cx")]
    [InlineData("u1", "p")]
    [InlineData("cu1", "cp")]
    public void OpenQasm2NamesAreAliases(string alias, string canonical)
    {
        Assert.True(GateCatalog.TryGet(alias, out var gate));
        Assert.Equal(canonical, gate.Name);
    }

    [Fact]
    public void KnownMatricesMatchOpenQasm3Definitions()
    {
        // u(pi/2, 0, pi) = H; u2(0, pi) = H; p(pi) = Z; rz differs from p by a global phase.
        var h = GateCatalog.Get("h").Unitary([]);
        AssertClose(h, GateCatalog.Get("u").Unitary([Math.PI / 2, 0, Math.PI]));
        AssertClose(h, GateCatalog.Get("u2").Unitary([0, Math.PI]));
        AssertClose(GateCatalog.Get("z").Unitary([]), GateCatalog.Get("p").Unitary([Math.PI]));
        var rz = GateCatalog.Get("rz").Unitary([0.3]);
        var p = GateCatalog.Get("p").Unitary([0.3]);
        var phase = Complex.FromPolarCoordinates(1, -0.15);
        Assert.True((rz[0, 0] - phase * p[0, 0]).Magnitude < 1e-12 && (rz[1, 1] - phase * p[1, 1]).Magnitude < 1e-12);
    }

    private static void AssertClose(Complex[,] a, Complex[,] b)
    {
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                Assert.True((a[i, j] - b[i, j]).Magnitude < 1e-12, $"differs at ({i},{j}): {a[i, j]} vs {b[i, j]}");
    }
}
