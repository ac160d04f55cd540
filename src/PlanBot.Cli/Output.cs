using System.Globalization;
using Spectre.Console;

namespace PlanBot.Cli;

internal static class Output
{
    /// <summary>Prints a failure to standard error and returns the exit code for it.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    public static void Heading(string text) => AnsiConsole.Write(new Rule(Markup.Escape(text)).LeftJustified());
}

/// <summary>How a tracker date reads on screen: the parsed date, with the tracker's own words when they differ.</summary>
internal readonly record struct TrackerDateView(Core.Plans.TrackerDate Date)
{
    public override string ToString()
    {
        if (Date.IsBlank) return "-";
        if (Date.Date is not { } d) return $"{Date.Text} ({Describe(Date.Problem)})";
        var shown = Date.RangeStart is { } start ? $"{start:dd MMM yyyy} to {d:dd MMM yyyy}" : d.ToString("dd MMM yyyy", CultureInfo.InvariantCulture);
        return Date.Note is { Length: > 0 } note ? $"{shown} ({note})" : shown;
    }

    private static string Describe(Core.Plans.DateProblem problem) => problem switch
    {
        Core.Plans.DateProblem.Impossible => "not a real date",
        Core.Plans.DateProblem.MissingYear => "no year",
        _ => "not a date",
    };
}
