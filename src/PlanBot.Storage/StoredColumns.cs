using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.Storage;

/// <summary>A <see cref="TrackerDate"/> as five columns: the tracker's text always, and what was read from it.</summary>
internal readonly record struct DateColumns(string Text, string? Date, string? RangeStart, string? Problem, string? Note)
{
    private const string Format = "yyyy-MM-dd";

    /// <param name="column">Column prefix, e.g. "Due" gives DueText, DueDate, DueRangeStart, DueProblem, DueNote.</param>
    public static DateColumns From(TrackerDate date, EntityBudget budget, string column, string field) => new(
        budget.Text(column + "Text", date.Text ?? string.Empty, field)!,
        budget.Text(column + "Date", date.Date?.ToString(Format, CultureInfo.InvariantCulture)),
        budget.Text(column + "RangeStart", date.RangeStart?.ToString(Format, CultureInfo.InvariantCulture)),
        budget.Text(column + "Problem", date.Problem == DateProblem.None ? null : date.Problem.ToString()),
        budget.Text(column + "Note", date.Note, field + " note"));

    public static TrackerDate Read(string? text, string? date, string? rangeStart, string? problem, string? note) =>
        string.IsNullOrEmpty(text) && date is null && rangeStart is null && problem is null && note is null
            ? TrackerDate.Blank
            : new TrackerDate(
                text ?? string.Empty,
                ParseDate(date),
                ParseDate(rangeStart),
                problem is null ? DateProblem.None : Enum.Parse<DateProblem>(problem),
                note);

    private static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, Format, CultureInfo.InvariantCulture);
}

/// <summary>A <see cref="SourceLocation"/> as four columns.</summary>
internal readonly record struct SourceColumns(string? File, string? Sheet, int? Row, int? Column)
{
    public static SourceColumns From(SourceLocation? source, EntityBudget budget)
    {
        if (source is null) return default;
        budget.Value("SourceRow", 4);
        if (source.Column is not null) budget.Value("SourceColumn", 4);
        return new(
            budget.Text("SourceFile", source.File, "source file name"),
            budget.Text("SourceSheet", source.Sheet, "source sheet name"),
            source.Row,
            source.Column);
    }

    public static SourceLocation? Read(string? file, string? sheet, int? row, int? column) =>
        file is null || row is null ? null : new SourceLocation(file, sheet, row.Value, column);
}
