using System.Globalization;
using System.Text;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;

namespace PlanBot.Core.Updates;

/// <summary>
/// A history change as people read it: "Revised due date: (blank) → 31 Mar 2020", "RAG: none → Red". History stores
/// fields by their code names ("RevisedDueDate", "Rag") and values as saved (ISO dates, enum names); this words them.
/// </summary>
public static class HistoryWording
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Rag"] = "RAG",
        ["RevisedDueDate"] = "Revised due date",
        ["RevisedDue"] = "Revised due date",
        ["Due"] = "Due date",
        ["Start"] = "Start date",
        ["StatusText"] = "Status (tracker's words)",
        ["ProgressNote"] = "Progress note",
        ["DeliveryOwner"] = "Delivery owner",
        ["AccountableOwner"] = "Accountable owner",
        ["CommitteeSignOff"] = "Committee sign-off",
        ["CriticalPath"] = "Critical path",
        ["Ref"] = "Reference",
        ["PercentComplete"] = "% complete",
        ["IsParent"] = "Parent row",
    };

    /// <summary>"Revised due date: (blank) → 31 Mar 2020".</summary>
    public static string Describe(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{Field(change.Field)}: {Value(change.Field, change.Old)} → {Value(change.Field, change.New)}";
    }

    /// <summary>
    /// The field as a heading says it; a code name not listed is split into words ("ExceptionReason" → "Exception
    /// reason"), and a tracker's own column name ("M Due") is kept as written.
    /// </summary>
    public static string Field(string code)
    {
        if (Names.TryGetValue(code, out var name)) return name;
        if (!code.All(char.IsAsciiLetter)) return code;
        var words = new StringBuilder(code.Length + 4);
        for (var i = 0; i < code.Length; i++)
        {
            if (i > 0 && char.IsUpper(code[i]) && !char.IsUpper(code[i - 1])) words.Append(' ').Append(char.ToLowerInvariant(code[i]));
            else words.Append(code[i]);
        }
        return words.ToString();
    }

    private static string Value(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "(blank)";
        if (field == "Rag" && value == nameof(Rag.None)) return "none";
        if (field == "Status" && Enum.TryParse<MilestoneStatus>(value, out var status) && value.All(char.IsLetter)) return StatusNames.Title(status);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return QuestionAnswerer.Date(date);
        return value;
    }
}
