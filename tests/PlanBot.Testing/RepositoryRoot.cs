namespace PlanBot.Testing;

/// <summary>The folder holding PlanBot.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PlanBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No PlanBot.sln found in {AppContext.BaseDirectory} or any folder above it; run the tests from inside the repository.");
    }
}
