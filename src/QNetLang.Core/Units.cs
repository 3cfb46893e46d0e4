namespace QNetLang.Core;

/// <summary>The physical dimensions a value in a .qn file can have.</summary>
public enum Dimension
{
    /// <summary>A plain number (counts, probabilities, angles).</summary>
    None,
    Time,
    Length,
    Frequency,
    /// <summary>Fibre attenuation, dB per length.</summary>
    Attenuation,
    /// <summary>A total loss in dB (free-space and satellite links).</summary>
    Decibel,
    Speed,
}

/// <summary>
/// A number with a dimension, stored in the canonical unit of that dimension: seconds, metres,
/// hertz, dB/km, metres per second. Everything downstream reads these canonical values.
/// </summary>
public readonly record struct Quantity(double Value, Dimension Dimension)
{
    public static Quantity Scalar(double value) => new(value, Dimension.None);

    public override string ToString() => Dimension == Dimension.None
        ? Units.FormatNumber(Value)
        : $"{Units.FormatNumber(Value)} {Units.CanonicalUnitName(Dimension)}";
}

/// <summary>The unit table: names a user may write after a number, and their scale.</summary>
public static class Units
{
    private static readonly Dictionary<string, (Dimension Dimension, double Scale)> Table = new(StringComparer.Ordinal)
    {
        ["s"] = (Dimension.Time, 1),
        ["ms"] = (Dimension.Time, -1e3),
        ["us"] = (Dimension.Time, -1e6),
        ["ns"] = (Dimension.Time, -1e9),
        ["ps"] = (Dimension.Time, -1e12),
        ["km"] = (Dimension.Length, 1e3),
        ["m"] = (Dimension.Length, 1),
        ["nm"] = (Dimension.Length, -1e9),
        ["Hz"] = (Dimension.Frequency, 1),
        ["kHz"] = (Dimension.Frequency, 1e3),
        ["MHz"] = (Dimension.Frequency, 1e6),
        ["GHz"] = (Dimension.Frequency, 1e9),
        ["dB"] = (Dimension.Decibel, 1),
        ["dB/km"] = (Dimension.Attenuation, 1),
        ["dB/m"] = (Dimension.Attenuation, 1e3),
        ["km/s"] = (Dimension.Speed, 1e3),
        ["m/s"] = (Dimension.Speed, 1),
    };

    public static IEnumerable<string> Names => Table.Keys;

    /// <summary>
    /// Converts a number written with <paramref name="unit"/> to the canonical unit. Sub-units
    /// divide rather than multiply (a negative scale in the table) so that `10 us` becomes
    /// exactly the double nearest 1e-5, not 9.999999999999999E-06.
    /// </summary>
    public static bool TryConvert(string unit, double value, out Dimension dimension, out double canonical)
    {
        if (Table.TryGetValue(unit, out var entry))
        {
            dimension = entry.Dimension;
            canonical = entry.Scale < 0 ? value / -entry.Scale : value * entry.Scale;
            return true;
        }
        dimension = Dimension.None;
        canonical = value;
        return false;
    }

    public static string CanonicalUnitName(Dimension dimension) => dimension switch
    {
        Dimension.Time => "s",
        Dimension.Length => "m",
        Dimension.Frequency => "Hz",
        Dimension.Attenuation => "dB/km",
        Dimension.Decibel => "dB",
        Dimension.Speed => "m/s",
        _ => "",
    };

    /// <summary>How a dimension reads in a message: "a time (s, ms, us, ns, ps)".</summary>
    public static string Describe(Dimension dimension) => dimension switch
    {
        Dimension.None => "a plain number",
        Dimension.Time => "a time (s, ms, us, ns, ps)",
        Dimension.Length => "a length (km, m, nm)",
        Dimension.Frequency => "a frequency (Hz, kHz, MHz, GHz)",
        Dimension.Attenuation => "an attenuation (dB/km)",
        Dimension.Decibel => "a loss in decibels (dB)",
        Dimension.Speed => "a speed (km/s, m/s)",
        _ => dimension.ToString(),
    };

    /// <summary>Round-trip, culture-independent number formatting used in every dump.</summary>
    public static string FormatNumber(double value) =>
        value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
