using System.Globalization;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// The angle forms the OpenQASM emitters write — <c>pi</c>, <c>-pi / 2</c>, <c>3 * pi / 4</c> or a
/// decimal — evaluated the one way both the emitter (to check a form is exact) and the reader
/// of per-node files use, so an angle survives the round trip bit for bit.
/// </summary>
public static class AngleText
{
    /// <summary>The value of an angle text, or null when it is not one of the forms above.</summary>
    public static double? Evaluate(string text)
    {
        string t = text.Replace(" ", "", StringComparison.Ordinal);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain)) return plain;
        int slash = t.IndexOf('/', StringComparison.Ordinal);
        string head = slash < 0 ? t : t[..slash];
        double numerator;
        if (head == "pi") numerator = Math.PI;
        else if (head == "-pi") numerator = -Math.PI;
        else if (head.EndsWith("*pi", StringComparison.Ordinal)
                 && long.TryParse(head[..^3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            numerator = n * Math.PI;
        else return null;
        if (slash < 0) return numerator;
        return long.TryParse(t[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long d) && d > 0 ? numerator / d : null;
    }
}
