using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;

namespace PlanBot.Web.Cards;

/// <summary>
/// Cards for answers to questions. Plan text (titles, names, notes) always goes in as plain, escaped text; the question
/// a button re-asks travels in the button's data, never in the card's visible markdown.
/// </summary>
public sealed class AnswerCards
{
    public const int PageSize = 10;

    /// <summary>The longest title a list row carries; the row's Details button gives the whole of it.</summary>
    public const int RowTitleLength = 200;

    // Bytes (UTF-16) kept free below the card limit for the "and N more." line and the Show more button.
    private const int RoomForClosingLine = 1024;

    /// <summary>
    /// A list answer: milestones <paramref name="page"/> (1-based) of the list, ten at a time, with
    /// "Show more" asking the same question for the next page. The sentence is the message's text, so not repeated here.
    /// </summary>
    public AdaptiveCard List(Answer answer, string question, int page = 1)
    {
        var pages = Math.Max(1, (answer.Milestones.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var card = new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth };
        var shown = answer.Milestones.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        foreach (var milestone in shown) card.Body.Add(Row(milestone, answer.AsAt, answer.ShowOwners));
        if (pages > 1)
        {
            var first = (page - 1) * PageSize + 1;
            card.Body.Add(new TextBlock($"Showing {first}–{first + shown.Count - 1} of {answer.Milestones.Count}.") { IsSubtle = true, Spacing = Spacing.Medium, Wrap = true });
        }
        // The rest of a department's directorate, under its own heading on the last page, never counted with the list.
        if (page == pages && answer.AlsoInDirectorate.Count > 0 && answer.DirectorateName is { } directorate)
        {
            card.Body.Add(new TextBlock(CardText.Plain($"Rest of the {directorate} directorate (not counted)")) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true });
            // As many as fit under Teams' card size limit (with room for the closing line and button), at most a page.
            var listed = 0;
            foreach (var milestone in answer.AlsoInDirectorate.Take(PageSize))
            {
                var row = Row(milestone, answer.AsAt, answer.ShowOwners);
                card.Body.Add(row);
                if (card.MeasureSize() > AdaptiveCard.DefaultMaxSizeBytes - RoomForClosingLine)
                {
                    card.Body.Remove(row);
                    break;
                }
                listed++;
            }
            if (answer.AlsoInDirectorate.Count > listed)
                card.Body.Add(new TextBlock($"and {answer.AlsoInDirectorate.Count - listed} more.") { IsSubtle = true, Wrap = true });
        }
        if (page < pages) card.Actions.Add(AskButton("Show more", question, page + 1));
        return card;
    }

    /// <summary>
    /// Who owns one milestone: its owners under the tracker's own role words ("COT Owner"), with its dates. The message's
    /// text names the milestone, so the card does not repeat it.
    /// </summary>
    public AdaptiveCard Owner(Answer answer)
    {
        var milestone = answer.Milestones[0];
        var facts = new List<Fact>();
        foreach (var group in milestone.Owners.GroupBy(RoleLabel))
            facts.Add(new Fact(group.Key, string.Join(", ", group.Select(o => o.IsDeputy ? $"{o.Display} (deputy)" : o.Display).Distinct())));
        if (facts.Count == 0) facts.Add(new Fact("Owner", "none named in the plan"));
        facts.Add(new Fact("Due", AnswerFormat.DueText(milestone)));
        facts.Add(new Fact("Status", QuestionAnswerer.StatusName(milestone)));
        return new AdaptiveCard { Body = { new FactSet(facts) } };
    }

    /// <summary>
    /// Where one milestone stands: status, dates, owners, the exception report's entries (latest first, as the message's
    /// text quotes the first), the latest update. The message's text names the milestone, so the card does not.
    /// </summary>
    public AdaptiveCard Status(Answer answer)
    {
        var milestone = answer.Milestones[0];
        var facts = new List<Fact>
        {
            new("Status", QuestionAnswerer.StatusName(milestone) + (milestone.Rag != Rag.None ? $" ({milestone.Rag})" : string.Empty)),
            new("Due", AnswerFormat.DueText(milestone)),
        };
        if (milestone.IsOverdueAt(answer.AsAt))
            facts.Add(new Fact("Overdue", $"by {milestone.DaysOverdueAt(answer.AsAt)} days as at {QuestionAnswerer.Date(answer.AsAt)}"));
        var owners = OwnerLabels(milestone.Owners);
        if (owners.Length > 0) facts.Add(new Fact("Owners", owners));
        if (milestone.CriticalPath) facts.Add(new Fact("Critical path", "Yes"));

        var card = new AdaptiveCard { Body = { new FactSet(facts) } };
        foreach (var exception in answer.Exceptions)
        {
            var exceptionFacts = new List<Fact> { new("Reason", string.IsNullOrWhiteSpace(exception.Reason) ? "none given" : exception.Reason) };
            if (!exception.ProposedRevisedDate.IsBlank)
                exceptionFacts.Add(new Fact("Proposed date", exception.ProposedRevisedDate.Date is { } d ? QuestionAnswerer.Date(d) : exception.ProposedRevisedDate.Text));
            card.Body.Add(new TextBlock(exception.ReportTitle ?? "Exception report") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true });
            card.Body.Add(new FactSet(exceptionFacts));
        }
        if (!string.IsNullOrEmpty(answer.LatestUpdate))
        {
            card.Body.Add(new TextBlock("Latest update") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            card.Body.Add(new TextBlock(answer.LatestUpdate) { Wrap = true, MaxLines = 12 });
        }
        return card;
    }

    /// <summary>Asks which person or milestone the user meant, one button each; a button asks the question again, settled.</summary>
    public AdaptiveCard Choice(Answer answer)
    {
        // The question is the message's text; the card only offers the answers.
        var card = new AdaptiveCard { Body = { new TextBlock("Choose one:") { Wrap = true, IsSubtle = true } } };
        foreach (var choice in answer.Choices) card.Actions.Add(AskButton(choice.Label, choice.Question, 1));
        return card;
    }

    /// <summary>Which plan should questions go to, when several are stored and the user has not said.</summary>
    public AdaptiveCard ChoosePlan(IReadOnlyList<PlanSummary> plans)
    {
        var card = new AdaptiveCard
        {
            Body =
            {
                new TextBlock($"I hold {plans.Count} plans. I'll remember your choice; say \"use plan <id>\" to change it.") { Wrap = true },
            },
        };
        foreach (var plan in plans.OrderBy(p => p.Id, StringComparer.Ordinal).Take(6))
        {
            card.Actions.Add(PlanBotCards.CommandButton($"{plan.Id}: {AnswerFormat.Shorten(plan.Name, 40)}", "use plan " + plan.Id));
        }
        return card;
    }

    /// <summary>Up to six milestones as buttons that send "<paramref name="command"/> #REF" (e.g. "update #36").</summary>
    public AdaptiveCard ChooseMilestone(IReadOnlyList<Milestone> milestones, string command)
    {
        var card = new AdaptiveCard { Body = { new TextBlock($"Your open milestones, soonest due first ({milestones.Count}):") { Wrap = true } } };
        foreach (var milestone in milestones.Take(6))
            card.Actions.Add(PlanBotCards.CommandButton(AnswerFormat.Shorten($"{milestone.Ref.Display} {milestone.Title}", 60), $"{command} {milestone.Ref.Display}"));
        return card;
    }

    /// <summary>
    /// One milestone of a list: reference, title, owners by the tracker's own role words, due date and status, and a
    /// Details button that asks for its status. An overdue milestone says so first and its status after, as "marked":
    /// "overdue by 86 days, marked on track" is what the tracker says against what the date says, not a contradiction.
    /// </summary>
    private static Container Row(Milestone milestone, DateOnly asAt, bool ownersAsked)
    {
        var overdue = milestone.IsOverdueAt(asAt);
        var owners = OwnerLabels(milestone.Owners);
        var state = AnswerFormat.StateText(milestone, asAt);
        var text = new Column
        {
            Width = ColumnWidth.Stretch,
            Items = { new TextBlock(AnswerFormat.Shorten(milestone.Title, RowTitleLength)) { Wrap = true, MaxLines = 3 } },
        };
        if (owners.Length > 0 || ownersAsked)
            text.Items.Add(new TextBlock(owners.Length > 0 ? owners : "no owner named") { Wrap = true, IsSubtle = true, Spacing = Spacing.None });
        text.Items.Add(new TextBlock($"due {AnswerFormat.DueText(milestone)} · {state}")
        {
            Wrap = true, IsSubtle = !overdue, Spacing = Spacing.None, Color = overdue ? TextColor.Attention : null,
        });
        return new Container
        {
            Separator = true,
            Spacing = Spacing.Small,
            Items =
            {
                new ColumnSet
                {
                    Columns =
                    {
                        new Column { Width = ColumnWidth.Pixels(56), Items = { new TextBlock(milestone.Ref.Display) { Weight = TextWeight.Bolder } } },
                        text,
                        new Column
                        {
                            Width = ColumnWidth.Auto,
                            Items = { new ActionSet([AskButton(DetailsTitle, $"status of {milestone.Ref.Display}", 1)]) },
                        },
                    },
                },
            },
        };
    }

    /// <summary>The title of each list row's button, which asks "status of #REF".</summary>
    public const string DetailsTitle = "Details";

    /// <summary>
    /// Owners by role in the tracker's own header words ("Delivery Owner: Sara Rodreguiz · COT Owner: Sue Graham"), a
    /// deputy marked; where the tracker named no role, "delivery owner" or "accountable owner".
    /// </summary>
    public static string OwnerLabels(IEnumerable<Owner> owners) =>
        string.Join(" · ", owners
            .GroupBy(RoleLabel)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.IsDeputy ? $"{o.Display} (deputy)" : o.Display).Distinct())}"));

    private static string RoleLabel(Owner owner) =>
        string.IsNullOrWhiteSpace(owner.RoleTitle) ? (owner.Role == OwnerRole.Delivery ? "Delivery owner" : "Accountable owner") : owner.RoleTitle.Trim();

    /// <summary>
    /// A button that asks a question: Teams (and the Agents Playground) post an Action.Submit as a message whose value
    /// is the data, and the handler reads the question and page from it. Plain data only, as for
    /// <see cref="PlanBotCards.CommandButton"/>.
    /// </summary>
    private static SubmitAction AskButton(string title, string question, int page) =>
        new(AnswerFormat.Shorten(title, 60), new JsonObject { ["question"] = question, ["page"] = page });

}
