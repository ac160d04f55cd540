using System.Reflection;
using System.Xml.Linq;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Architecture;

/// <summary>
/// Which project may reference which, read from the csproj files under src/ (docs/architecture.md, "Projects and what
/// each may reference"). A new project, or a reference the table does not allow, fails here until the table and that
/// section agree on it.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["PlanBot.Core"] = [],
        ["PlanBot.BotFramework"] = [],
        ["PlanBot.Trackers"] = ["PlanBot.Core"],
        ["PlanBot.Storage"] = ["PlanBot.Core", "PlanBot.BotFramework"],
        ["PlanBot.People"] = ["PlanBot.Core", "PlanBot.BotFramework"],
        ["PlanBot.Application"] = ["PlanBot.Core", "PlanBot.Storage", "PlanBot.BotFramework", "PlanBot.People"],
        ["PlanBot.Cli"] = ["PlanBot.Core", "PlanBot.Trackers", "PlanBot.Storage", "PlanBot.People", "PlanBot.Application"],
        ["PlanBot.Web"] = ["PlanBot.Core", "PlanBot.Trackers", "PlanBot.Storage", "PlanBot.BotFramework", "PlanBot.People", "PlanBot.Application"],
    };

    private static readonly Lazy<Dictionary<string, List<string>>> Graph = new(ReadGraph);

    [Fact]
    public void Every_project_references_only_what_the_table_allows()
    {
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), Graph.Value.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, references) in Graph.Value)
        {
            var unexpected = references.Except(Allowed[project], StringComparer.Ordinal).ToList();
            Assert.True(unexpected.Count == 0, $"{project} references {string.Join(", ", unexpected)}, which docs/architecture.md does not allow.");
        }
    }

    [Fact]
    public void Core_references_no_other_project()
    {
        Assert.Empty(Graph.Value["PlanBot.Core"]);
    }

    [Fact]
    public void The_command_line_never_reaches_the_web_host_even_through_another_project()
    {
        Assert.DoesNotContain("PlanBot.Web", Reachable("PlanBot.Cli"));
    }

    [Fact]
    public void The_bot_framework_knows_nothing_of_plans_in_its_project_file_or_its_compiled_assembly()
    {
        Assert.Empty(Reachable("PlanBot.BotFramework"));

        var assembly = typeof(PlanBot.BotFramework.Schema.Activity).Assembly;
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), name => name.Name!.StartsWith("PlanBot.", StringComparison.Ordinal));
        var planTypes = typeof(PlanBot.Core.Plans.Plan).Assembly;
        var leaks = assembly.GetTypes()
            .SelectMany(type => type.GetFields(AllMembers).Select(f => f.FieldType)
                .Concat(type.GetProperties(AllMembers).Select(p => p.PropertyType))
                .Concat(type.GetMethods(AllMembers).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Where(used => used.Assembly == planTypes)
                .Select(used => $"{type.FullName} uses {used.FullName}"))
            .ToList();
        Assert.Empty(leaks);
    }

    private const BindingFlags AllMembers = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static HashSet<string> Reachable(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>(Graph.Value[project]);
        while (next.TryPop(out var reference))
        {
            if (!seen.Add(reference)) continue;
            foreach (var further in Graph.Value.GetValueOrDefault(reference) ?? []) next.Push(further);
        }
        return seen;
    }

    /// <summary>Each project under src/ and the projects its csproj names in ProjectReference, by file name.</summary>
    private static Dictionary<string, List<string>> ReadGraph() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => XDocument.Load(path).Descendants("ProjectReference")
                    .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToList(),
                StringComparer.Ordinal);
}
