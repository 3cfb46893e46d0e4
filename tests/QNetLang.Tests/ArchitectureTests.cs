using System.Reflection;
using System.Xml.Linq;

namespace QNetLang.Tests;

/// <summary>
/// The floors (docs/architecture.md): a project references only floors below it. Checked twice:
/// in the project files (what the build may reference) and in the compiled assemblies (what
/// the code actually uses, which catches a type reached through a transitive reference).
/// </summary>
public class ArchitectureTests
{
    /// <summary>Project → the projects it may reference.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["QNetLang.Core"] = [],
        ["QNetLang.Ir"] = ["QNetLang.Core"],
        ["QNetLang.Syntax"] = ["QNetLang.Core"],
        ["QNetLang.Semantics"] = ["QNetLang.Core", "QNetLang.Syntax", "QNetLang.Ir"],
        ["QNetLang.Distribution"] = ["QNetLang.Core", "QNetLang.Ir"],
        ["QNetLang.Simulation"] = ["QNetLang.Core", "QNetLang.Ir"],
        ["QNetLang.Backends"] = ["QNetLang.Core", "QNetLang.Ir"],
        // Orleans lives here alone: programs travel as the backends' OpenQASM 3 files, work as the simulator's blocks.
        ["QNetLang.Cluster"] = ["QNetLang.Core", "QNetLang.Ir", "QNetLang.Simulation", "QNetLang.Backends"],
        ["QNetLang.Compiler"] = ["QNetLang.Core", "QNetLang.Ir", "QNetLang.Syntax", "QNetLang.Semantics", "QNetLang.Distribution", "QNetLang.Simulation", "QNetLang.Backends", "QNetLang.Cluster"],
        ["QNetLang.LanguageServer"] = ["QNetLang.Compiler"],
        ["Qnlc"] = ["QNetLang.Compiler", "QNetLang.LanguageServer"],
    };

    /// <summary>Assemblies whose code may use only what they reference directly (transitive references off).</summary>
    private static readonly Dictionary<string, string> StrictAssemblies = new(StringComparer.Ordinal)
    {
        ["Qnlc"] = "qnlc",
    };

    [Fact]
    public void EveryProjectIsKnown()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects!);
    }

    [Fact]
    public void ProjectFilesReferenceOnlyLowerFloors()
    {
        var violations = new List<string>();
        foreach (var (project, allowed) in Allowed)
            foreach (string reference in ProjectReferences(project))
                if (!allowed.Contains(reference)) violations.Add($"{project} references {reference}");
        Assert.True(violations.Count == 0, "floor violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCommandLineSeesOnlyTheFacadeAndTheLanguageServer()
    {
        var csproj = XDocument.Load(ProjectFile("Qnlc"));
        Assert.Equal("true", csproj.Descendants("DisableTransitiveProjectReferences").Single().Value);
        foreach (var (project, assemblyName) in StrictAssemblies)
        {
            var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
            var used = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("QNetLang.", StringComparison.Ordinal)).ToList();
            var illegal = used.Where(n => !Allowed[project].Contains(n)).ToList();
            Assert.True(illegal.Count == 0, $"{assemblyName}.dll uses {string.Join(", ", illegal)}, below the façade");
        }
    }

    [Fact]
    public void CompiledAssembliesUseOnlyLowerFloors()
    {
        var violations = new List<string>();
        foreach (var (project, allowed) in Allowed)
        {
            string file = Path.Combine(AppContext.BaseDirectory, (project == "Qnlc" ? "qnlc" : project) + ".dll");
            Assert.True(File.Exists(file), $"{file} is not beside the tests");
            foreach (var name in Assembly.LoadFrom(file).GetReferencedAssemblies().Select(a => a.Name!))
                if ((name.StartsWith("QNetLang.", StringComparison.Ordinal) || name == "qnlc") && !allowed.Contains(name) && !IsBelow(name, allowed))
                    violations.Add($"{project}.dll uses {name}");
        }
        Assert.True(violations.Count == 0, "floor violations:\n" + string.Join("\n", violations));
    }

    /// <summary>A floor reached through an allowed one (the façade's code may use the floors below it, which it references).</summary>
    private static bool IsBelow(string name, string[] allowed) =>
        allowed.Any(a => Allowed.TryGetValue(a, out var lower) && (lower.Contains(name) || IsBelow(name, lower)));

    private static string ProjectFile(string project) => Path.Combine(RepoPaths.Root, "src", project, project + ".csproj");

    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(ProjectFile(project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));
}
