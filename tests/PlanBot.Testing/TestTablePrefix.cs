namespace PlanBot.Testing;

/// <summary>Table-name prefixes unique to one test, so tests sharing an Azurite never see each other's rows.</summary>
public static class TestTablePrefix
{
    /// <summary>"t" and 12 hex digits, e.g. "t3fa9c0d2b1e4": letters and digits only, as table names require.</summary>
    public static string New() => "t" + Guid.NewGuid().ToString("N")[..12];
}
