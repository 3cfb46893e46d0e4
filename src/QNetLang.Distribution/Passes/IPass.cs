using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>
/// One step of the distribution pipeline. A pass has one job; it states the circuit properties
/// it needs (<see cref="Requires"/>) and those it establishes (<see cref="Guarantees"/>), and
/// the pass manager checks that the order of passes satisfies them.
/// </summary>
public interface IPass
{
    /// <summary>The stage name used by `--stop-after` and in the report's pass timings.</summary>
    string Name { get; }

    IReadOnlyList<string> Requires { get; }

    IReadOnlyList<string> Guarantees { get; }

    /// <summary>Returns the rewritten circuit (or the same one); reports user errors to the context.</summary>
    Circuit Run(Circuit circuit, PassContext context);
}

/// <summary>Names of the circuit properties passes require and guarantee.</summary>
public static class CircuitProperties
{
    /// <summary>Every data qubit has a starting node.</summary>
    public const string Placed = "placed";

    /// <summary>Every multi-qubit gate acts on qubits held by one node.</summary>
    public const string Local = "local";

    /// <summary>Every epr and teleport carries its route.</summary>
    public const string Routed = "routed";

    /// <summary>Per-node instruction streams exist and are free of deadlocks.</summary>
    public const string Scheduled = "scheduled";
}
