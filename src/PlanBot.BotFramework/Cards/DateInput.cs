namespace PlanBot.BotFramework.Cards;

/// <summary>Input.Date: a date picker; values travel as yyyy-MM-dd.</summary>
public sealed class DateInput(string id) : CardInput(id)
{
    public DateOnly? Value { get; init; }
    public DateOnly? Min { get; init; }
    public DateOnly? Max { get; init; }
}
