using QNetLang.Core;
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

    /// <summary>Upper bound on qubits that can be entangled at once: every qubit of the program.</summary>
    public int MaxQubits { get; private set; }

    public void Observe(GateOperation gate)
    {
        if (!Engines.StabilizerEngine.Supports(gate.Gate)) _nonClifford.Add(gate.Gate.Name);
    }

    public void Finish(DistributedProgram program, NetworkModel network, int[] initialNodes, IReadOnlyList<Step> steps)
    {
        var nodesWithQubits = new HashSet<int>(initialNodes);
        bool usesPairs = false;
        foreach (var step in steps)
        {
            nodesWithQubits.Add(step.Node);
            if (step.Kind != StepKind.Entangle) continue;
            usesPairs = true;
            for (int i = 0; i + 1 < step.Route.Length; i++)
                if (network.Link(step.Route[i], step.Route[i + 1]) is not { } link)
                    throw new InvalidOperationException($"the route of a Bell pair uses {network.Nodes[step.Route[i]].Name}–{network.Nodes[step.Route[i + 1]].Name}, which is not a link");
                else if (link.Generated.Fidelity < 1) Noisy = true;
        }
        foreach (int n in nodesWithQubits)
        {
            var node = network.Nodes[n];
            if (!node.IsIdeal) Noisy = true;
            if (node.T1 is not null && node.Kind != NodeKind.Repeater) AmplitudeDamping = true;
        }
        if (usesPairs && network.Nodes.Any(n => n.Kind == NodeKind.Repeater && n.MeasureError > 0)) Noisy = true;
        MaxQubits = program.Qubits.Length;
    }
}
