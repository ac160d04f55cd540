using PlanBot.Core.Plans;
using PlanBot.Core.Questions;

namespace PlanBot.Core.Updates;

/// <summary>
/// Lets a milestone's owners (any role) and PMO admins update it. An author is an owner when their Teams name is the
/// owner's name word for word (order and brackets aside: "Graham, Sue" is Sue Graham); PMO admins are listed by Entra
/// object id in configuration. Anyone else is refused, with the owners named so they know whom to ask.
/// </summary>
public sealed class OwnerAuthoriser(IReadOnlySet<string> adminObjectIds) : IUpdateAuthoriser
{
    public Task<UpdatePermission> CheckAsync(string planId, Milestone milestone, UpdateAuthor author, CancellationToken cancellationToken = default)
    {
        if (author.AadObjectId is { Length: > 0 } id && adminObjectIds.Contains(id)) return Task.FromResult(UpdatePermission.Allow);
        var authorWords = NameWords(author.Name);
        if (authorWords.Count > 0 && milestone.Owners.Any(o => NameWords(o.Name).SetEquals(authorWords)))
            return Task.FromResult(UpdatePermission.Allow);

        var owners = milestone.Owners.Select(o => o.Name).Distinct().ToList();
        return Task.FromResult(UpdatePermission.Refuse(owners.Count == 0
            ? $"Only the PMO can update {milestone.Ref.Display}: it has no owner named in the plan. Nothing was saved."
            : $"Only {string.Join(", ", owners)} (or their delegate, or the PMO) can update {milestone.Ref.Display}. Nothing was saved."));
    }

    private static HashSet<string> NameWords(string name)
    {
        var withoutBrackets = System.Text.RegularExpressions.Regex.Replace(name, @"\([^)]*\)", " ");
        var phrase = QuestionText.Phrase(withoutBrackets);
        return phrase.Length == 0 ? [] : phrase.Split(' ').ToHashSet(StringComparer.Ordinal);
    }
}
