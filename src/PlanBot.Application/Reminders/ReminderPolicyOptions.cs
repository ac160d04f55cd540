using System.Globalization;
using Microsoft.Extensions.Options;
using PlanBot.Core.Reminders;

namespace PlanBot.Application.Reminders;

/// <summary>
/// The reminder policy as configured (section PlanBot:Reminders:Policy), as text so that every mistake is reported with
/// the setting's name rather than as a binder error. Unset settings keep <see cref="ReminderPolicy.Default"/>'s value;
/// an empty one turns that part off where that makes sense (no chasers, no escalation, no reminders before the date).
/// Environment variables: <c>PlanBot__Reminders__Policy__WorkingDaysBefore=10,5,1</c>.
/// </summary>
public sealed class ReminderPolicyOptions
{
    public const string Section = "PlanBot:Reminders:Policy";

    /// <summary>Working days before the due date to remind on, e.g. "14, 7, 1"; empty for none.</summary>
    public string? WorkingDaysBefore { get; set; }

    /// <summary>"true" or "false": a reminder on the due date.</summary>
    public string? OnTheDay { get; set; }

    /// <summary>The overdue interval: a chaser every this many working days; empty for none.</summary>
    public string? ChaseEveryWorkingDays { get; set; }

    /// <summary>At most this many chasers; empty for no limit.</summary>
    public string? MaxChasers { get; set; }

    /// <summary>The escalation delay: working days of overdue silence before the accountable owner hears; empty never to escalate.</summary>
    public string? EscalateAfterWorkingDays { get; set; }

    /// <summary>The send time, London, "09:00": every slot's time and when the send window opens.</summary>
    public string? SendAt { get; set; }

    /// <summary>When the send window closes, London, "17:00".</summary>
    public string? SendUntil { get; set; }

    /// <summary>The working week, e.g. "Monday, Tuesday, Wednesday, Thursday, Friday" (or "Mon, Tue, …").</summary>
    public string? WorkingDays { get; set; }

    /// <summary>The policy these settings describe, and every problem with them (each naming its setting); the policy is null when there is one.</summary>
    public (ReminderPolicy? Policy, IReadOnlyList<string> Problems) ToPolicy()
    {
        var problems = new List<string>();
        var policy = ReminderPolicy.Default;
        if (WorkingDaysBefore is { } before) policy = policy with { WorkingDaysBefore = Numbers(nameof(WorkingDaysBefore), before, problems) };
        if (OnTheDay is { } onTheDay)
        {
            if (bool.TryParse(onTheDay.Trim(), out var on)) policy = policy with { OnTheDay = on };
            else problems.Add(Problem(nameof(OnTheDay), onTheDay, "write true or false"));
        }
        if (ChaseEveryWorkingDays is { } every) policy = policy with { ChaseEveryWorkingDays = OptionalNumber(nameof(ChaseEveryWorkingDays), every, problems) };
        if (MaxChasers is { } max) policy = policy with { MaxChasers = OptionalNumber(nameof(MaxChasers), max, problems) };
        if (EscalateAfterWorkingDays is { } escalate) policy = policy with { EscalateAfterWorkingDays = OptionalNumber(nameof(EscalateAfterWorkingDays), escalate, problems) };
        if (SendAt is { } sendAt && Time(nameof(SendAt), sendAt, problems) is { } at) policy = policy with { SendAt = at };
        if (SendUntil is { } sendUntil && Time(nameof(SendUntil), sendUntil, problems) is { } until) policy = policy with { SendUntil = until };
        if (WorkingDays is { } days) policy = policy with { WorkingDays = Weekdays(days, problems) };
        if (problems.Count == 0) problems.AddRange(policy.Problems().Select(p => $"{Section}:{p}"));
        return (problems.Count == 0 ? policy : null, problems);
    }

    private static string Problem(string setting, string value, string what) => $"{Section}:{setting} is '{value}': {what}.";

    private static List<int> Numbers(string setting, string text, List<string> problems)
    {
        var numbers = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) numbers.Add(n);
            else problems.Add(Problem(setting, text, $"'{part}' is not a whole number of working days; write them separated by commas, e.g. 14, 7, 1"));
        }
        return numbers;
    }

    private static int? OptionalNumber(string setting, string text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        problems.Add(Problem(setting, text, "write a whole number of working days, or leave it empty to turn this off"));
        return null;
    }

    private static TimeOnly? Time(string setting, string text, List<string> problems)
    {
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        problems.Add(Problem(setting, text, "write a London time of day as HH:mm, e.g. 09:00"));
        return null;
    }

    private static List<DayOfWeek> Weekdays(string text, List<string> problems)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d =>
                d.ToString()!.Equals(part, StringComparison.OrdinalIgnoreCase) || (part.Length >= 3 && d.ToString()!.StartsWith(part, StringComparison.OrdinalIgnoreCase)));
            if (day is { } found) days.Add(found);
            else problems.Add(Problem(nameof(WorkingDays), text, $"'{part}' is not a weekday; write them separated by commas, e.g. Monday, Tuesday, Wednesday, Thursday, Friday"));
        }
        return days;
    }
}

/// <summary>Checks PlanBot:Reminders:Policy at start, so a host with an unusable policy stops with every problem named.</summary>
public sealed class ReminderPolicyValidation : IValidateOptions<ReminderPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderPolicyOptions options)
    {
        var (_, problems) = options.ToPolicy();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
