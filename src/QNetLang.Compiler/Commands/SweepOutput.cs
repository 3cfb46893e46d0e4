using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// sweep.csv and sweep.json: one record per point, the parameter values in SI units (metres,
/// seconds, hertz) and every figure with its standard error. A figure without a value (no
/// round selected) is an empty CSV cell and null in JSON.
/// </summary>
public static class SweepOutput
{
    public static bool Write(string directory, IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points, out string? error)
    {
        error = null;
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "sweep.csv"), Csv(parameters, points));
            File.WriteAllText(Path.Combine(directory, "sweep.json"), Json(parameters, points));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = ex.Message;
            return false;
        }
    }

    public static string Csv(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points)
    {
        var sb = new StringBuilder();
        var figures = points[0].Result.Figures.Select(f => f.Name).ToList();
        sb.AppendJoin(',', parameters.Select(p => p.Target).Concat(figures.SelectMany(f => new[] { f, f + "_stderr" }))).Append('\n');
        foreach (var point in points)
        {
            var cells = point.Values.Select(v => Number(SweepParameter.SiValue(v)))
                .Concat(point.Result.Figures.SelectMany(f => new[] { Number(f.Value), Number(f.StdErr) }));
            sb.AppendJoin(',', cells).Append('\n');
        }
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var point in points)
            {
                json.WriteStartObject();
                json.WriteStartObject("parameters");
                foreach (var value in point.Values) json.WriteNumber(value.Target, SweepParameter.SiValue(value));
                json.WriteEndObject();
                json.WriteStartObject("figures");
                foreach (var figure in point.Result.Figures)
                {
                    json.WriteStartObject(figure.Name);
                    NumberOrNull(json, "value", figure.Value);
                    NumberOrNull(json, "stderr", figure.StdErr);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void NumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
