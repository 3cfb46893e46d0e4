using System.Numerics;
using CsCheck;
using QNetLang.Distribution.Telegates;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>The corrections of copies closed early are emitted as u(θ, φ, λ): the conversion must give the matrix back up to a global phase.</summary>
public class Matrix2Tests
{
    [Fact]
    public void ToUReproducesTheUnitaryUpToAGlobalPhase()
    {
        var angle = Gen.Double[-Math.PI, Math.PI];
        Gen.Select(angle, angle, angle, Gen.Int[0, 3]).Sample((theta, phi, lambda, special) =>
        {
            // Also the corner cases θ = 0 and θ = π, where one pair of entries vanishes.
            double t = special switch { 0 => 0, 1 => Math.PI, _ => theta };
            var u = Matrix2.From(GateCatalog.Get("u").Unitary([t, phi, lambda]));
            var (a, b, c) = u.ToU();
            var back = Matrix2.From(GateCatalog.Get("u").Unitary([a, b, c]));
            // |tr(U† V)| = 2 exactly when V = e^{iα} U.
            var trace = (u.Adjoint() * back).M00 + (u.Adjoint() * back).M11;
            Assert.True(Math.Abs(Complex.Abs(trace) - 2) < 1e-9, $"u({t}, {phi}, {lambda}) came back as u({a}, {b}, {c})");
        });
    }

    [Fact]
    public void HadamardTwiceIsDiagonalInBothBases()
    {
        var h = Matrix2.From(GateCatalog.Get("h").Unitary([]));
        Assert.True((h * h).IsDiagonalIn(RunBasis.Z));
        Assert.True((h * h).IsDiagonalIn(RunBasis.X));
        Assert.False(h.IsDiagonalIn(RunBasis.Z));
        Assert.True(Matrix2.From(GateCatalog.Get("rx").Unitary([0.3])).IsDiagonalIn(RunBasis.X));
    }
}
