using QNetLang.Core;

namespace QNetLang.Simulation;

/// <summary>
/// A run cannot go on for a reason the user can fix (too many qubits for the engine, a pair that
/// can never be delivered, the simulated-time limit): carried up to <see cref="Simulator.Run"/>,
/// which turns it into a diagnostic.
/// </summary>
public sealed class SimulationLimitException : Exception
{
    public SimulationLimitException(DiagnosticDescriptor descriptor, Location location, params object?[] args)
        : base(descriptor.Format(args))
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = args;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Location Location { get; }

    public object?[] Arguments { get; }

    /// <summary>QN4105: the shot ran past the simulated-time limit; <paramref name="what"/> says what was late.</summary>
    public static SimulationLimitException PastTimeLimit(long maxTimePs, string what) =>
        new(Diagnostics.SimulatedTimeLimit, Location.None, SimTime.ToSeconds(maxTimePs).ToString("R", System.Globalization.CultureInfo.InvariantCulture), what);

    public Diagnostic ToDiagnostic() => new(Descriptor.Code, Descriptor.Severity, Location, Message);
}
