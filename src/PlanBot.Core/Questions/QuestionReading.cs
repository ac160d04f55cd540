namespace PlanBot.Core.Questions;

public enum QuestionKind
{
    /// <summary>Milestones matching a filter.</summary>
    List,

    /// <summary>"How many …": the number, with the same list.</summary>
    Count,

    /// <summary>Who owns one milestone.</summary>
    Owner,

    /// <summary>Where one milestone stands: status, dates, latest update, exception.</summary>
    Status,

    /// <summary>A name or title fits several people or milestones: ask which.</summary>
    Choice,

    Help,

    /// <summary>"use plan odkm": make a plan the user's default.</summary>
    UsePlan,

    /// <summary>Understood, but cannot be answered from this plan (an unknown reference, an asker who owns nothing).</summary>
    Unanswerable,

    NotUnderstood,
}

/// <summary>One way to settle an ambiguous question: the label to show and the question to ask instead.</summary>
public sealed record QuestionChoice(string Label, string Question);

/// <summary>What <see cref="QuestionReader"/> understood a question to ask.</summary>
public sealed record QuestionReading
{
    public required QuestionKind Kind { get; init; }
    public MilestoneFilter Filter { get; init; } = new();

    /// <summary>Milestones named by reference or title, as positions in the plan.</summary>
    public IReadOnlyList<int> Targets { get; init; } = [];

    public IReadOnlyList<QuestionChoice> Choices { get; init; } = [];

    /// <summary>For <see cref="QuestionKind.Choice"/>: what the choice is between ("Which Mark do you mean?").</summary>
    public string? Prompt { get; init; }

    /// <summary>For <see cref="QuestionKind.UsePlan"/>: the plan id asked for.</summary>
    public string? PlanId { get; init; }

    /// <summary>Why the question cannot be answered or was not understood, in words for the user; null when there is nothing to add.</summary>
    public string? Reason { get; init; }

    /// <summary>How the answer names <see cref="Targets"/> when a grouping number chose them ("section 6"); null to list them.</summary>
    public string? TargetsLabel { get; init; }

    /// <summary>For owner questions that name a role ("who's the SRO for ERP-04"): the roles whose holders answer it; empty for every owner.</summary>
    public IReadOnlyList<PlanRole> OwnerRoles { get; init; } = [];

    /// <summary>Whether the list should name owners prominently ("who owns the overdue finance items?").</summary>
    public bool AsksForOwners { get; init; }

    public static QuestionReading NotUnderstood(string? reason = null) => new() { Kind = QuestionKind.NotUnderstood, Reason = reason };
}
