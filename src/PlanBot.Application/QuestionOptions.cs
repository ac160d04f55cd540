namespace PlanBot.Application;

/// <summary>
/// Settings for answering questions (section PlanBot:Questions). <see cref="Synonyms"/> adds the PMO's own words for
/// teams to the built-in ones, e.g. PlanBot__Questions__Synonyms__estates__0=DSP.
/// </summary>
public sealed class QuestionOptions
{
    public const string Section = "PlanBot:Questions";

    public Dictionary<string, string[]> Synonyms { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
