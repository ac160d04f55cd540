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

    /// <summary>
    /// The width tables fit: the terminal's when output goes to one; piped, COLUMNS when it is set, else none (one line
    /// a row, however long, so the output greps and diffs cleanly).
    /// </summary>
    public static int? TableWidth()
    {
        if (!Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth > 0) return Console.WindowWidth;
            }
            catch (IOException)
            {
                // No console to ask after all: the usual terminal width.
            }
            return 80;
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : null;
    }

    public static void Write(TextTable table)
    {
        foreach (var line in table.Lines(TableWidth())) Console.Out.WriteLine(line);
    }
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
        Core.Plans.DateProblem.NoDeadline => "no deadline",
        _ => "not a date",
    };
}
