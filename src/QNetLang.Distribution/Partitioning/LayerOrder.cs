using QNetLang.Ir;

namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Reorders a program's top-level operations by ASAP layer (stable within a layer), so that
/// program order follows circuit depth. Files written by transpilers often list one layer's
/// gates interleaved with the next layer's; temporal partitioning cuts program order into time
/// slices, and slices that follow the layers give coarsening over time blocks that hold whole
/// layers. Only operations on disjoint qubits and bits change places, so the program's meaning is
/// unchanged. Programs with conditionals, EPR pairs, teleports or sends keep their order
/// (those couple operations through classical state or node locations this sort does not track).
/// </summary>
internal static class LayerOrder
{
    /// <summary>The circuit in layer order, or null when it is already in that order or cannot be reordered safely.</summary>
    public static Circuit? Sort(Circuit circuit)
    {
        var qubitLayer = new int[circuit.Qubits.Length];
        var bitLayer = new Dictionary<int, int>();
        var layers = new int[circuit.Operations.Length];
        int all = 0;
        for (int i = 0; i < circuit.Operations.Length; i++)
        {
            int layer;
            switch (circuit.Operations[i])
            {
                case GateOperation g:
                    layer = 0;
                    foreach (int q in g.Qubits) layer = Math.Max(layer, qubitLayer[q]);
                    layer = Math.Max(layer, all) + 1;
                    foreach (int q in g.Qubits) qubitLayer[q] = layer;
                    break;
                case MeasureOperation m:
                    layer = Math.Max(qubitLayer[m.Qubit], all);
                    if (m.Bit is int bit) layer = Math.Max(layer, bitLayer.GetValueOrDefault(bit));
                    layer++;
                    qubitLayer[m.Qubit] = layer;
                    if (m.Bit is int written) bitLayer[written] = layer;
                    break;
                case ResetOperation r:
                    layer = Math.Max(qubitLayer[r.Qubit], all) + 1;
                    qubitLayer[r.Qubit] = layer;
                    break;
                case BarrierOperation:
                    // A barrier orders everything before it before everything after it.
                    layer = Math.Max(all, qubitLayer.DefaultIfEmpty(0).Max()) + 1;
                    foreach (var b in bitLayer) layer = Math.Max(layer, b.Value + 1);
                    all = layer;
                    Array.Fill(qubitLayer, layer);
                    break;
                default:
                    return null;
            }
            layers[i] = layer;
        }
        var order = Enumerable.Range(0, layers.Length).OrderBy(i => layers[i]).ThenBy(i => i).ToArray();
        bool changed = false;
        for (int i = 0; i < order.Length && !changed; i++) changed = order[i] != i;
        return changed ? circuit with { Operations = [.. order.Select(i => circuit.Operations[i])] } : null;
    }
}
