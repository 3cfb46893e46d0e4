using System.Numerics;

namespace QNetLang.Simulation.Tests;

/// <summary>A deliberately naive simulator (every gate applied to the full vector entry by entry), the reference for the fast kernels.</summary>
internal static class DenseReference
{
    /// <summary>Dense reference: the full 2^n unitary of each step, built entry by entry from the catalog matrix.</summary>
    public static Complex[] Run(int n, IEnumerable<EngineTests.Step> steps)
    {
        var psi = new Complex[1 << n];
        psi[0] = 1;
        foreach (var step in steps)
        {
            var u = step.Gate.Unitary(step.Parameters);
            var next = new Complex[psi.Length];
            int k = step.Qubits.Length;
            for (int col = 0; col < psi.Length; col++)
            {
                if (psi[col] == Complex.Zero) continue;
                int sub = 0;
                for (int j = 0; j < k; j++) sub |= ((col >> step.Qubits[j]) & 1) << (k - 1 - j);
                for (int r = 0; r < 1 << k; r++)
                {
                    int row = col;
                    for (int j = 0; j < k; j++)
                    {
                        int bit = (r >> (k - 1 - j)) & 1;
                        row = (row & ~(1 << step.Qubits[j])) | (bit << step.Qubits[j]);
                    }
                    next[row] += u[r, sub] * psi[col];
                }
            }
            psi = next;
        }
        return psi;
    }

}
