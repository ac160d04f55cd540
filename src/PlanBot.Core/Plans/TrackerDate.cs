using System.Globalization;

namespace PlanBot.Core.Plans;

/// <summary>Why a date cell could not be turned into a date.</summary>
public enum DateProblem
{
    None,

    /// <summary>Text that is not a date, such as "Ongoing" or "Dependant on NHSE Stage II".</summary>
    NotADate,

    /// <summary>Looks like a date but does not exist, such as 29-Feb-19.</summary>
    Impossible,

    /// <summary>Day and month without a year ("24-May") and no plan year to place it in.</summary>
    MissingYear,

    /// <summary>
    /// Says there is no deadline: the work is ongoing ("Ongoing", "On-going (Start in June)", "BAU"), or the cell gives
    /// only when it starts ("Oct (Start date)").
    /// </summary>
    NoDeadline,
}

/// <summary>
/// A date as a tracker wrote it: the original cell text always kept, plus what could be read from it.
/// <see cref="Date"/> is the working date (for a month, quarter or season, its last day, since trackers mean
/// "by the end of": "Summer 2017" is 31 August 2017); <see cref="RangeStart"/> is set when the text names a span
/// ("Jan 18 to March 18").
/// </summary>
public sealed record TrackerDate(string Text, DateOnly? Date, DateOnly? RangeStart = null, DateProblem Problem = DateProblem.None, string? Note = null)
{
    public static readonly TrackerDate Blank = new(string.Empty, null);

    public static TrackerDate Exact(DateOnly date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date);

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
