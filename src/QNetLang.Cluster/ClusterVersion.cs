using System.Reflection;

namespace QNetLang.Cluster;

/// <summary>
/// The version a client and its workers must share: the product version and the identities of
/// the assemblies that compute and encode results (deterministic builds give the same identity
/// to the same code). Different code could give different numbers for the same seed.
/// </summary>
public static class ClusterVersion
{
    public static string Current { get; } = Compute();

    private static string Compute()
    {
        var assembly = typeof(ClusterVersion).Assembly;
        string product = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        int plus = product.IndexOf('+');
        if (plus >= 0) product = product[..plus];
        var build = new[] { typeof(Simulation.Simulator).Assembly, typeof(Backends.DotWriter).Assembly, assembly }
            .Select(a => a.ManifestModule.ModuleVersionId.ToString("N")[..8]);
        return $"{product} (build {string.Join("-", build)})";
    }
}
