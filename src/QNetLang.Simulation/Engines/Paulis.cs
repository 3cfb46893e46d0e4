using System.Numerics;

namespace QNetLang.Simulation.Engines;

/// <summary>The Pauli matrices by index: 0 = I, 1 = X, 2 = Y, 3 = Z.</summary>
internal static class Paulis
{
    private static readonly Complex[][,] Matrices =
    [
        new Complex[,] { { 1, 0 }, { 0, 1 } },
        new Complex[,] { { 0, 1 }, { 1, 0 } },
        new Complex[,] { { 0, -Complex.ImaginaryOne }, { Complex.ImaginaryOne, 0 } },
        new Complex[,] { { 1, 0 }, { 0, -1 } },
    ];

    public static Complex[,] Matrix(int pauli) => Matrices[pauli];

    /// <summary>The Pauli as (x, z) bits: X = (1,0), Z = (0,1), Y = (1,1).</summary>
    public static (int X, int Z) Bits(int pauli) => pauli switch
    {
        1 => (1, 0),
        2 => (1, 1),
        3 => (0, 1),
        _ => (0, 0),
    };

    public static int FromBits(int x, int z) => (x, z) switch
    {
        (1, 0) => 1,
        (1, 1) => 2,
        (0, 1) => 3,
        _ => 0,
    };
}
