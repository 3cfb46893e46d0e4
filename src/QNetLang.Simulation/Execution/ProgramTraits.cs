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
        foreach (var step in steps)
        {
            nodesWithQubits.Add(step.Node);
            if (step.Kind != StepKind.Entangle) continue;
            for (int i = 0; i + 1 < step.Route.Length; i++)
                if (network.Link(step.Route[i], step.Route[i + 1]) is null)
                    throw new InvalidOperationException($"the route of a Bell pair uses {network.Nodes[step.Route[i]].Name}–{network.Nodes[step.Route[i + 1]].Name}, which is not a link");
        }
        foreach (int n in nodesWithQubits)
        {
            var node = network.Nodes[n];
            if (node.T1 is not null && node.Kind != NodeKind.Repeater) AmplitudeDamping = true;
        }
        MaxQubits = program.Qubits.Length;
    }
}
