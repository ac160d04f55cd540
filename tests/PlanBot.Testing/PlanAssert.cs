using System.Text.Encodings.Web;
using System.Text.Json;
using PlanBot.Core.Plans;
using Xunit;

namespace PlanBot.Testing;

/// <summary>Compares plans field by field (records compare their lists by reference), showing a readable diff on failure.</summary>
public static class PlanAssert
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Equivalent(Plan expected, Plan actual) => Assert.Equal(Describe(expected), Describe(actual));

    public static void Equivalent(Milestone expected, Milestone actual) => Assert.Equal(Describe(expected), Describe(actual));

    public static string Describe<T>(T value) => JsonSerializer.Serialize(value, Options);
}
