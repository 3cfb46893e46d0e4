using System.Globalization;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Quantities as a person writes them in a .qn file: `10 us`, not `1E-05 s`; `200000 km/s`,
/// not `2E+08 m/s`. The unit is the largest one of its dimension that keeps the number at least
/// 1, and the number has no exponent unless it is huge or tiny even then. Only for display:
/// compiler dumps keep the canonical units.
/// </summary>
public static class ReadableQuantity
{
    /// <summary>Units of each dimension from the largest to the smallest (names as written in source).</summary>
    private static readonly Dictionary<Dimension, string[]> Scales = new()
    {
        [Dimension.Time] = ["s", "ms", "us", "ns", "ps"],
        [Dimension.Length] = ["km", "m"],
        [Dimension.Frequency] = ["GHz", "MHz", "kHz", "Hz"],
        [Dimension.Speed] = ["km/s", "m/s"],
        [Dimension.Attenuation] = ["dB/km"],
        [Dimension.Decibel] = ["dB"],
    };

    public static string Format(PropertyValue value) => value.Number is { } number ? Format(number) : value.Symbol ?? "";

    public static string Format(Quantity quantity)
    {
        if (quantity.Dimension == Dimension.None || !Scales.TryGetValue(quantity.Dimension, out var units)) return Number(quantity.Value);
        if (quantity.Value == 0 || !double.IsFinite(quantity.Value)) return $"{Number(quantity.Value)} {Units.CanonicalUnitName(quantity.Dimension)}";
        foreach (string unit in units)
        {
            Units.TryConvert(unit, 1, out _, out double scale);
            double inUnit = quantity.Value / scale;
            if (Math.Abs(inUnit) >= 1 || unit == units[^1]) return $"{Number(inUnit)} {unit}";
        }
        return quantity.ToString();
    }

    /// <summary>Up to 6 significant digits, plain notation between 1e-4 and 1e15.</summary>
    private static string Number(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        double rounded = double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(rounded);
        if (rounded == 0 || (magnitude >= 1e-4 && magnitude < 1e15)) return rounded.ToString("0.#####################", CultureInfo.InvariantCulture);
        return rounded.ToString("G6", CultureInfo.InvariantCulture);
    }
}
