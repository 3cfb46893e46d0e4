using System.Numerics;
using QNetLang.Ir;

namespace QNetLang.Simulation.Execution;

/// <summary>The unitary of each gate operation, computed once per operation and shared by all shots and threads.</summary>
internal static class GateMatrices
{
    private static readonly ConditionalWeakTableCache Cache = new();

    public static Complex[,] Of(GateOperation g) => Cache.Get(g);

    private sealed class ConditionalWeakTableCache
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<GateOperation, Complex[,]> _table = new();

        public Complex[,] Get(GateOperation g) => _table.GetValue(g, op => op.Gate.Unitary(op.Parameters));
    }
}
