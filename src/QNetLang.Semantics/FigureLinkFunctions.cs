using System.Collections.Frozen;
using QNetLang.Ir;

namespace QNetLang.Semantics;

/// <summary>
/// Figure functions that read a link's physics, `f(SENDER, RECEIVER, ...)`: the exact per-pulse
/// values of the model the simulator samples (<see cref="PulseStatistics"/>, <see cref="LinkPhysics"/>),
/// computed when the program is bound. They give a figure the values a sampled run could not
/// resolve (a gain of 10⁻⁶ per pulse, a decoy-state key rate near its cut-off), or which a run
/// does not sample at all (the yield of single-photon pulses, the intensity of a decoy that the
/// program does not send). docs/language.md §12 lists them.
/// </summary>
public static class FigureLinkFunctions
{
    /// <summary>One function: the numbers of constant arguments after the two nodes, and its value.</summary>
    private sealed record Function(int MinExtra, int MaxExtra, Func<LinkReading, double[], double> Value);

    /// <summary>The link between the two nodes, read in the direction sender → receiver.</summary>
    public sealed record LinkReading(NetworkLink Link, Network Network, string Receiver)
    {
        public PulseStatistics Pulses => PulseStatistics.Of(Link, Network, Receiver);
        public LinkPhysics Physics => LinkPhysics.Of(Link, Network);
    }

    private static readonly FrozenDictionary<string, Function> Table = new Dictionary<string, Function>(StringComparer.Ordinal)
    {
        ["gain"] = new(0, 1, (l, a) => l.Pulses.Gain(Intensity(l, a))),
        ["error_rate"] = new(0, 1, (l, a) => l.Pulses.ErrorRate(Intensity(l, a))),
        ["photon_yield"] = new(1, 1, (l, a) => l.Pulses.Yield((int)a[0])),
        ["photon_error"] = new(1, 1, (l, a) => l.Pulses.PhotonErrorRate((int)a[0])),
        ["transmissivity"] = new(0, 0, (l, _) => l.Physics.Transmissivity),
        ["slant_range"] = new(0, 0, (l, _) => l.Link.Spec.Length),
        ["elevation"] = new(0, 0, (l, _) => l.Link.Spec.Optics?.ElevationDegrees ?? double.NaN),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Names => Table.Keys.Order(StringComparer.Ordinal);

    public static bool Contains(string name) => Table.ContainsKey(name);

    /// <summary>Why the call cannot be evaluated, or null when it can.</summary>
    internal static string? Check(string name, LinkReading link, double[] extra)
    {
        var f = Table[name];
        if (extra.Length < f.MinExtra || extra.Length > f.MaxExtra)
            return f.MinExtra == f.MaxExtra
                ? $"it takes the two nodes and {f.MinExtra} number(s), not {extra.Length}"
                : $"it takes the two nodes and at most {f.MaxExtra} number(s) (an intensity), not {extra.Length}";
        if (name is "photon_yield" or "photon_error" && (extra[0] < 0 || extra[0] != Math.Floor(extra[0])))
            return $"the photon number must be an integer ≥ 0, not {Core.Units.FormatNumber(extra[0])}";
        if (name is "gain" or "error_rate")
        {
            if (extra.Length == 0 && link.Link.Spec.Source != PhotonSource.Coherent)
                return $"link {link.Link.From} -- {link.Link.To} has no coherent source ('source = coherent'), so give the intensity as a third argument";
            if (extra.Length == 1 && extra[0] < 0)
                return $"an intensity (mean photon number) is ≥ 0, not {Core.Units.FormatNumber(extra[0])}";
        }
        if (name == "elevation" && link.Link.Spec.Optics is null)
            return $"link {link.Link.From} -- {link.Link.To} is a fibre; only free-space and satellite links have an elevation";
        return null;
    }

    internal static double Evaluate(string name, LinkReading link, double[] extra) => Table[name].Value(link, extra);

    private static double Intensity(LinkReading link, double[] extra) =>
        extra.Length == 1 ? extra[0] : link.Link.Spec.MeanPhotonNumber ?? throw new InvalidOperationException("checked: a coherent source has a mean photon number");
}
