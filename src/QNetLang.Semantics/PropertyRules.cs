using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Semantics;

/// <summary>
/// Rules between the properties of one node or link, checked at bind time so that a network
/// `qnlc check` accepts is one the simulator and the router read the same way:
/// <list type="bullet">
/// <item>`rate` and `attempt_time` both set the attempt time: give one (error).</item>
/// <item>`success` and `total_loss` both set the attempt success: give one (error).</item>
/// <item>`loss` and `detector_efficiency` do nothing next to `success`, and `loss` nothing next to `total_loss` (warning);
/// nor do the free-space loss properties (apertures, wavelength, elevation, atmospheric and pointing loss).</item>
/// <item>A property that applies only to some link kinds or schemes does nothing elsewhere: `loss` on a free-space link,
/// an aperture on a fibre, `bright_state` without `scheme = single_click` (warning).</item>
/// <item>An elevation is above the horizon and at most 90° (error).</item>
/// <item>T2 ≤ 2·T1 for any physical qubit (error).</item>
/// <item>`pass_duration` needs `pass_interval` and must be shorter than it (error).</item>
/// <item>`distill` and `target_fidelity` go together, and the target lies in (0.5, 1) (error).</item>
/// <item>A repeater swaps two pairs, so it needs at least 2 memories (error).</item>
/// <item>A coherent source sends pulses (`scheme = direct`), an SPDC source is a midpoint pair source (`scheme = source`) (QN2051).</item>
/// <item>The pass properties (`max_elevation`, `min_elevation`, `pass_time`) do nothing without `orbit_height` (warning).</item>
/// <item>A satellite pass has its minimum elevation below its maximum, at most 90°, a pass_time inside the pass, and no fixed length, elevation or windows beside the orbit (QN2052).</item>
/// <item>`swap = asap` with `link_memories = pooled` can strand memories in pairs whose spans overlap (warning, QN2050).</item>
/// <item>`link_memories` does nothing for generation 2 or 3, whose repeaters hold encoded memories (warning).</item>
/// </list>
/// </summary>
internal sealed class PropertyRules(SourceText source, DiagnosticBag diagnostics)
{
    /// <summary>Checks one owner's properties; <paramref name="given"/> are the assignments as written (name → span of the name).</summary>
    public void Check(string owner, IReadOnlyDictionary<string, PropertyValue> values, IReadOnlyDictionary<string, TextSpan> given)
    {
        bool Applies(string name) => PropertySchema.Find(owner, name) is not { } spec || PropertySchema.Applies(owner, spec, values);
        double? Value(string name) => values.TryGetValue(name, out var v) ? v.Number?.Value : null;
        void Conflict(string first, string second, string why)
        {
            if (given.ContainsKey(first) && given.ContainsKey(second))
                diagnostics.Report(Diagnostics.ConflictingProperties, new Location(source, Later(given, first, second)), first, second, why);
        }
        void Ignored(string name, string because, string why)
        {
            if (given.TryGetValue(name, out var at) && given.ContainsKey(because) && Applies(name))
                diagnostics.Report(Diagnostics.IgnoredProperty, new Location(source, at), name, why);
        }

        foreach (var (name, at) in given)
        {
            if (PropertySchema.Find(owner, name) is { AppliesWhen: { } condition } spec && !PropertySchema.Applies(owner, spec, values))
                diagnostics.Report(Diagnostics.IgnoredProperty, new Location(source, at), name, $"it applies only to {(owner == PropertySchema.NetworkOwner ? "networks" : "links")} with {condition.Describe()}");
        }
        if (owner == PropertySchema.NetworkOwner && given.TryGetValue("swap", out var swapAt) && given.ContainsKey("link_memories")
            && values.GetValueOrDefault("swap")?.Symbol == "asap" && values.GetValueOrDefault("link_memories")?.Symbol == "pooled")
            diagnostics.Report(Diagnostics.PooledAsapCrossing, new Location(source, swapAt));
        if (owner == PropertySchema.NetworkOwner && given.TryGetValue("link_memories", out var memoriesAt) && Value("generation") is 2 or 3)
            diagnostics.Report(Diagnostics.IgnoredProperty, new Location(source, memoriesAt), "link_memories",
                $"generation {Units.FormatNumber(Value("generation")!.Value)} repeaters hold their own encoded memories (a block per pair, freed at the swap), so the link layer's memory use does not apply");
        if (owner == PropertySchema.LinkOwner)
        {
            Conflict("rate", "attempt_time", "both set how long one attempt takes (1/rate or attempt_time)");
            Conflict("success", "total_loss", "both set the attempt success probability");
            Ignored("loss", "success", "'success' gives the attempt success directly, replacing the loss model");
            Ignored("detector_efficiency", "success", "'success' gives the attempt success directly, detectors included");
            Ignored("dark_count", "success", "'success' gives the attempt success directly, detectors included");
            Ignored("loss", "total_loss", "'total_loss' gives the whole channel's loss, replacing loss × length");
            foreach (string name in FreeSpaceLoss)
            {
                Ignored(name, "success", "'success' gives the attempt success directly, replacing the loss model");
                Ignored(name, "total_loss", "'total_loss' gives the whole channel's loss, replacing the free-space loss model");
            }
            if (Value("elevation") is { } elevation && elevation > 90)
                diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given.GetValueOrDefault("elevation")),
                    $"an elevation of {Units.FormatNumber(elevation)}° is past the zenith; give the angle above the horizon, at most 90");
            if (given.ContainsKey("pass_duration") != given.ContainsKey("pass_interval"))
            {
                string present = given.ContainsKey("pass_duration") ? "pass_duration" : "pass_interval";
                diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given[present]),
                    "visibility windows need both 'pass_duration' and 'pass_interval' (a window of pass_duration every pass_interval)");
            }
            else if (Value("pass_duration") is { } d && Value("pass_interval") is { } i && d >= i)
                diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given["pass_duration"]),
                    "'pass_duration' must be shorter than 'pass_interval' (a window of pass_duration every pass_interval); for a link that is always visible, give neither");
            if (given.ContainsKey("distill") != given.ContainsKey("target_fidelity"))
            {
                string present = given.ContainsKey("distill") ? "distill" : "target_fidelity";
                diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given[present]),
                    "distillation needs both 'distill' (bbpssw or dejmps) and 'target_fidelity' (the fidelity its pairs must reach)");
            }
            else if (Value("target_fidelity") is { } target && !(target > 0.5 && target < 1))
                diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given["target_fidelity"]),
                    $"'target_fidelity' = {Units.FormatNumber(target)} cannot be reached by distillation: recurrence raises only pairs above 0.5, and never to 1");
        }
        if (owner == PropertySchema.NetworkOwner)
            CheckGeneration(values, given);
        if (owner == PropertySchema.LinkOwner)
        {
            CheckSource(values, given);
            CheckPass(values, given);
        }
        if (Value("t1") is { } t1 && Value("t2") is { } t2 && t2 > 2 * t1)
            diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given.GetValueOrDefault("t2")),
                $"T2 = {Units.FormatNumber(t2)} s exceeds 2·T1 = {Units.FormatNumber(2 * t1)} s; a physical qubit has T2 ≤ 2·T1");
        if (owner == PropertySchema.RepeaterOwner && Value("memories") is { } memories && memories < 2)
            diagnostics.Report(Diagnostics.ImpossibleProperty, new Location(source, given.GetValueOrDefault("memories")),
                $"a repeater swaps two pairs, so it needs at least 2 memories, not {Units.FormatNumber(memories)}");
    }

    /// <summary>
    /// A repeater generation is 1, 2 or 3 (QN2055); an encoded generation needs physical errors
    /// below the code's threshold, where more distance means fewer logical errors (QN2056).
    /// </summary>
    private void CheckGeneration(IReadOnlyDictionary<string, PropertyValue> values, IReadOnlyDictionary<string, TextSpan> given)
    {
        double? Value(string name) => values.TryGetValue(name, out var v) ? v.Number?.Value : null;
        if (Value("generation") is { } generation && generation is not (1 or 2 or 3))
            diagnostics.Report(Diagnostics.UnknownRepeaterGeneration, new Location(source, given.GetValueOrDefault("generation")), Units.FormatNumber(generation));
        if (Value("physical_error") is { } error && Value("threshold") is { } threshold && error >= threshold)
            diagnostics.Report(Diagnostics.ErrorAboveThreshold, new Location(source, given.GetValueOrDefault("physical_error", given.GetValueOrDefault("threshold"))),
                Units.FormatNumber(error), Units.FormatNumber(threshold));
    }

    private void CheckSource(IReadOnlyDictionary<string, PropertyValue> values, IReadOnlyDictionary<string, TextSpan> given)
    {
        if (!given.TryGetValue("source", out var at) || values.GetValueOrDefault("source")?.Symbol is not { } chosen) return;
        string scheme = values.TryGetValue("scheme", out var s) && s.Symbol is { } symbol ? symbol : "direct";
        string? why = chosen switch
        {
            "coherent" when scheme != "direct" => $"sends weak coherent pulses with `send`, over a link with 'scheme = direct', not '{scheme}'",
            "spdc" when scheme != "source" => $"is a midpoint pair source: give it with 'scheme = source', not '{scheme}'",
            _ => null,
        };
        if (why is not null) diagnostics.Report(Diagnostics.SourceDoesNotFitLink, new Location(source, at), chosen, why);
    }

    private void CheckPass(IReadOnlyDictionary<string, PropertyValue> values, IReadOnlyDictionary<string, TextSpan> given)
    {
        if (values.GetValueOrDefault("kind")?.Symbol != "satellite") return;
        if (!given.TryGetValue("orbit_height", out var orbitAt))
        {
            foreach (string name in (string[])["max_elevation", "min_elevation", "pass_time"])
                if (given.TryGetValue(name, out var at))
                    diagnostics.Report(Diagnostics.IgnoredProperty, new Location(source, at), name, "it describes a pass, and the link follows one only when 'orbit_height' is given");
            return;
        }
        void Report(string name, string message) => diagnostics.Report(Diagnostics.ImpossiblePass, new Location(source, given.GetValueOrDefault(name, orbitAt)), message);
        foreach (string fixedBy in (string[])["length", "elevation", "pass_duration", "pass_interval"])
            if (given.ContainsKey(fixedBy))
                Report(fixedBy, $"'{fixedBy}' is set by the pass's geometry once 'orbit_height' is given (slant range, elevation and the pass's duration at pass_time); give one or the other");
        // A value already reported as malformed is not in `values`: nothing more to check.
        double? Known(string name) => values.TryGetValue(name, out var v) ? v.Number?.Value : null;
        if (Known("orbit_height") is not { } height || Known("max_elevation") is not { } max || Known("min_elevation") is not { } min || Known("pass_time") is not { } time) return;
        if (max > 90) { Report("max_elevation", $"a maximum elevation of {Units.FormatNumber(max)}° is past the zenith; give the pass's highest angle above the horizon, at most 90"); return; }
        if (min >= max) { Report("min_elevation", $"the pass never rises above its minimum elevation: min_elevation = {Units.FormatNumber(min)}° is not below max_elevation = {Units.FormatNumber(max)}°"); return; }
        var pass = new SatellitePass(height, max, min);
        if (time > pass.Duration)
            Report("pass_time", $"pass_time = {Units.FormatNumber(time)} s is after the pass: the satellite sets below {Units.FormatNumber(min)}° {Units.FormatNumber(Math.Round(pass.Duration, 1))} s after it rose");
    }

    private static readonly string[] FreeSpaceLoss = ["tx_aperture", "rx_aperture", "wavelength", "elevation", "atmospheric_loss", "pointing_loss"];

    private static TextSpan Later(IReadOnlyDictionary<string, TextSpan> given, string a, string b) =>
        given[a].Start > given[b].Start ? given[a] : given[b];
}
