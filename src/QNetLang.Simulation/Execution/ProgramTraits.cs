using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Execution;

/// <summary>What the engine selector needs to know about a program: its gates and its noise.</summary>
internal sealed class ProgramTraits
{
    private readonly SortedSet<string> _nonClifford = new(StringComparer.Ordinal);

    /// <summary>Gates the stabilizer engine cannot run, by name.</summary>
    public IReadOnlyCollection<string> NonCliffordGates => _nonClifford;

    /// <summary>Some gate, measurement, memory or pair is noisy.</summary>
    public bool Noisy { get; private set; }

    /// <summary>Some node that holds program qubits has a finite T1 (amplitude damping: not a Pauli channel).</summary>
    public bool AmplitudeDamping { get; private set; }

    /// <summary>Upper bound on qubits that can be entangled at once: every circuit qubit plus two per teleport in flight.</summary>
    public int MaxQubits { get; private set; }

    public int Teleports { get; private set; }

    public void Observe(Operation op)
    {
        switch (op)
        {
            case GateOperation g when !Engines.StabilizerEngine.Supports(g.Gate):
                _nonClifford.Add(g.Gate.Name);
                break;
            case TeleportOperation:
                Teleports++;
                break;
            case IfOperation i:
                foreach (var inner in i.Then.Concat(i.Else)) Observe(inner);
                break;
        }
    }

    public void Finish(Circuit circuit, NetworkModel network, int[] initialNodes, IReadOnlyList<PlanTask> tasks)
    {
        var nodesWithQubits = new HashSet<int>(initialNodes);
        bool usesPairs = false;
        foreach (var task in tasks)
        {
            foreach (int n in task.Nodes) nodesWithQubits.Add(n);
            if (task.Kind is TaskKind.Epr or TaskKind.Teleport)
            {
                usesPairs = true;
                for (int i = 0; i + 1 < task.Route.Length; i++)
                {
                    nodesWithQubits.Add(task.Route[i]);
                    if (network.Link(task.Route[i], task.Route[i + 1])!.Generated.Fidelity < 1) Noisy = true;
                }
            }
        }
        foreach (int n in nodesWithQubits)
        {
            var node = network.Nodes[n];
            if (!node.IsIdeal) Noisy = true;
            if (node.T1 is not null && node.Kind != NodeKind.Repeater) AmplitudeDamping = true;
            if (usesPairs && node.Kind == NodeKind.Repeater && node.MeasureError > 0) Noisy = true;
        }
        MaxQubits = circuit.Qubits.Length + 2 * Math.Min(Teleports, circuit.Qubits.Length);
    }
}
