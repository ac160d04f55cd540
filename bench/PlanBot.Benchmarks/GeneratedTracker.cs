using System.Globalization;
using PlanBot.Trackers.Writing;

/// <summary>A large tracker in seed 000's shape: the same columns, title rows, real dates and mixed owner forms.</summary>
internal static class GeneratedTracker
{
    private static readonly string[] Teams = ["CFO", "MD", "DP", "COO (AD)", "CNO", "Gov", "PSC"];
    private static readonly string[] Departments = ["Finance", "Primary Care", "Flow", "Transformation", "Quality", "Corporate", "Analytics"];
    private static readonly string[] Statuses = ["Complete", "On-Track", "Delayed - see Exceptions", "Not started", "Ongoing", "Revised date requested"];
    private static readonly string[] People = ["Rachel Pilsworth", "Sara Rodreguiz", "Chris Gillings", "David Parke", "Alys Turner", "Matthew Smith"];
    private static readonly string[] Executives = ["Louis Kamfer", "Sue Graham", "Mark Sanderson", "Louise Mitchell (Jane Webster)", "Louis Kamfer/Jane Webster"];

    public static XlsxSheet Sheet(int count)
    {
        IEnumerable<XlsxRow> Rows()
        {
            yield return XlsxRow.Title("2019/2020 Operational Delivery Key Milestones (generated for benchmarking)");
            yield return XlsxRow.Blank;
            yield return XlsxRow.Header("No.", "CP", "Team", "Milestone", "Start Date", "Due Date", "Status", "Delivery Owner",
                "Department", "COT Owner", "Committee sign off", "M Due", "Q Due");
            var start = new DateOnly(2019, 4, 1);
            for (var i = 1; i <= count; i++)
            {
                var due = start.AddDays(30 + i % 700);
                yield return XlsxRow.Body(
                    i, i % 5 == 0 ? "!" : null, Teams[i % Teams.Length], $"Milestone {i}: deliver the agreed outcome for workstream {i % 97}",
                    start.AddDays(i % 90), i % 50 == 0 ? $"{due:dd-MMM-yy} rev {due.AddDays(60):dd-MMM-yy}" : due,
                    Statuses[i % Statuses.Length], People[i % People.Length], Departments[i % Departments.Length],
                    Executives[i % Executives.Length], i % 7 == 0 ? "June GB" : null, due.ToString("MMMM", CultureInfo.InvariantCulture), $"Q{(due.Month + 8) / 3 % 4 + 1}");
            }
        }
        return new XlsxSheet("Milestones", Rows());
    }
}
