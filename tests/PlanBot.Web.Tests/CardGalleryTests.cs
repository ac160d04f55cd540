using System.Reflection;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Updates;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Testing.Digests;
using PlanBot.Web.Cards;
using PlanBot.Web.Reminders;
using Xunit.Abstractions;

namespace PlanBot.Web.Tests;

/// <summary>
/// Every card PlanBot can send, built with sample data and rendered by the official Adaptive Cards JS renderer in
/// headless Chromium. The screenshots in docs/cards/ come from here (PLANBOT_UPDATE_CARD_DOCS=1 rewrites them).
/// </summary>
public sealed class CardGalleryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("planbot-gallery-").FullName;

    private static readonly PlanSummary Odkm = new("odkm", "2019/2020 Operational Delivery Key Milestones (ODKM) - Version 5", "odkm-2019-20.txt",
        55, 22, new DateTimeOffset(2020, 1, 20, 9, 0, 0, TimeSpan.Zero), "pmo", "v1", 1);

    private static readonly PlanSummary Southend = new("southend", "Southend CCG Improvement and Delivery Plan 2018/19", "southend-idp-2018-19.txt",
        103, 0, new DateTimeOffset(2019, 3, 1, 9, 0, 0, TimeSpan.Zero), "pmo", "v1", 1);

    /// <summary>Each card with the name its screenshot has, and the card class's method that builds it.</summary>
    public static IReadOnlyList<(string Name, string Method, AdaptiveCard Card)> Gallery()
    {
        var cards = new PlanBotCards();
        var answers = new AnswerCards();
        var updates = new UpdateCards();
        var digests = new DigestCards();
        var reminders = new ReminderCards(updates);
        var split = digests.Cards(GeneratedDigest.Value);
        return
        [
            ("help", nameof(PlanBotCards.Help), cards.Help()),
            ("welcome", nameof(PlanBotCards.Welcome), cards.Welcome("Sue", [Odkm])),
            ("welcome-no-plans", nameof(PlanBotCards.Welcome), cards.Welcome(null, [])),
            ("plans", nameof(PlanBotCards.Plans), cards.Plans([Odkm, Southend])),
            ("not-understood", nameof(PlanBotCards.NotUnderstood), cards.NotUnderstood()),
            ("answer-list", Answers(nameof(AnswerCards.List)), answers.List(Ask("what's overdue in finance?"), "what's overdue in finance?")),
            ("answer-list-more", Answers(nameof(AnswerCards.List)), answers.List(Ask("how many are complete?"), "how many are complete?", page: 2)),
            ("answer-owner", Answers(nameof(AnswerCards.Owner)), answers.Owner(Ask("who owns milestone 23?"))),
            ("answer-status", Answers(nameof(AnswerCards.Status)), answers.Status(Ask("is #36 done?"))),
            ("answer-choice", Answers(nameof(AnswerCards.Choice)), answers.Choice(Ask("what does mark own?"))),
            ("choose-plan", Answers(nameof(AnswerCards.ChoosePlan)), answers.ChoosePlan([Odkm, Southend])),
            ("choose-milestone", Answers(nameof(AnswerCards.ChooseMilestone)), answers.ChooseMilestone(Ask("what do I owe?").Milestones, "update")),
            ("update-form", Updates(nameof(UpdateCards.Form)), updates.Form(Stored("36"), Today, why: "Due in 7 working days (29 Nov 2019).")),
            ("update-form-refused", Updates(nameof(UpdateCards.Form)), updates.Form(Stored("36"), Today, notice: "Nothing was saved.",
                problems: [new UpdateProblem("reason", "Say why the milestone is delayed.")],
                entered: new MilestoneUpdate { Status = MilestoneStatus.Delayed, RevisedDue = new DateOnly(2020, 2, 28), ProgressNote = "**Waiting** for <b>NHSE</b> [link](https://evil.example)" })),
            ("update-saved", Updates(nameof(UpdateCards.Updated)), updates.Updated(Stored("36"), "Rachel Pilsworth", new DateTimeOffset(2020, 1, 20, 9, 41, 0, TimeSpan.Zero), Today)),
            ("update-snoozed", Updates(nameof(UpdateCards.Snoozed)), updates.Snoozed(Stored("36"), new DateTimeOffset(2020, 1, 27, 9, 0, 0, TimeSpan.Zero), Today)),
            ("update-closed", Updates(nameof(UpdateCards.Closed)), updates.Closed("Nothing was saved. Your Microsoft Entra account is not one of #36's owners, their delegates or the PMO admins. If it is yours, ask the PMO to check the people file.", Stored("36").Milestone)),
            ("reminder-listing", nameof(ReminderCards) + "." + nameof(ReminderCards.ListingCard), reminders.ListingCard(LouisKamfersReminders.Value)),
            ("digest", Digests(nameof(DigestCards.Cards)), Assert.Single(digests.Cards(OdkmDigest.Value))),
            ("digest-split-1", Digests(nameof(DigestCards.Cards)), split[0]),
            ("digest-split-2", Digests(nameof(DigestCards.Cards)), split[1]),
            ("tracker-import-preview", Imports(nameof(TrackerImportCards.Preview)), TrackerImportCards.Preview(ReimportPreview.Value, "odkm-2019-20.xlsx", "odkm", "token",
                ["header row 7: No. → Reference; CP → Critical path; Team → Team; Milestone → Title; Start Date → Start date; Due Date → Due date; Status → Status; Delivery Owner → Delivery owner; Department → Department; COT Owner → Accountable owner; Committee sign off → Committee sign-off"])),
            ("tracker-import-errors", Imports(nameof(TrackerImportCards.Preview)), TrackerImportCards.Preview(new ImportPreview("notes.csv",
                new TrackerImportResult(null, [new ImportMessage(ImportSeverity.Error, new SourceLocation("notes.csv", null, 0), null, "no milestone table found in this file.")], []), null, null),
                "notes.csv", "odkm", null, [])),
            ("tracker-import-done", Imports(nameof(TrackerImportCards.Outcome)), TrackerImportCards.Outcome(
                "Imported odkm-2019-20.xlsx into plan ODKM: 55 milestones (0 added, 1 changed, 0 removed, 54 unchanged); 1 conflict(s) kept the Teams update.", good: true)),
        ];
    }

    private static readonly DateOnly Today = new(2020, 1, 20);

    private static string Updates(string method) => nameof(UpdateCards) + "." + method;

    private static StoredMilestone Stored(string reference) =>
        new("odkm", OdkmIndex.Value.Plan.Find(MilestoneRef.Parse(reference))!, "W/\"datetime'2020-01-20T09%3A00%3A00Z'\"");

    private static string Answers(string method) => nameof(AnswerCards) + "." + method;

    private static string Digests(string method) => nameof(DigestCards) + "." + method;

    private static string Imports(string method) => nameof(TrackerImportCards) + "." + method;

    /// <summary>
    /// The ODKM tracker re-imported after #43 was delayed in Teams: the file completes #44 and gives #43 another revised
    /// date, a conflict kept from Teams.
    /// </summary>
    private static readonly Lazy<ImportPreview> ReimportPreview = new(() =>
    {
        var imported = OdkmIndex!.Value.Plan;
        var fortyThree = imported.Find(MilestoneRef.Parse("43"))!;
        var fortyFour = imported.Find(MilestoneRef.Parse("44"))!;
        var ours = imported with { Milestones = [.. imported.Milestones.Select(m => m.Ref == fortyThree.Ref
            ? m with { Status = MilestoneStatus.Delayed, StatusText = "Delayed", Rag = Rag.Red, RevisedDue = TrackerDate.Exact(new DateOnly(2020, 3, 31)) }
            : m)] };
        var file = imported with { Milestones = [.. imported.Milestones.Select(m =>
            m.Ref == fortyFour.Ref ? m with { Status = MilestoneStatus.Complete, StatusText = "Complete" }
            : m.Ref == fortyThree.Ref ? m with { RevisedDue = new TrackerDate("28-Feb-20", new DateOnly(2020, 2, 28)) }
            : m)] };
        var merge = PlanMerge.Of(ours, new Dictionary<MilestoneRef, Milestone> { [fortyThree.Ref] = fortyThree }, file, MergePreference.Teams)
            .WithChangedBy(_ => ("Sati Ubhi", new DateTimeOffset(2020, 1, 28, 14, 5, 0, TimeSpan.Zero)));
        var result = new TrackerImportResult(file, [new ImportMessage(ImportSeverity.Warning, new SourceLocation("odkm-2019-20.xlsx", "Tracker", 54, 6), "Due Date",
            "'29-Feb-19' is not a real date; kept as written and flagged.")], [new FoundTable(TableKind.Milestones, "Tracker", 7, 55)]);
        return new ImportPreview("odkm-2019-20.xlsx", result, merge.Diff, Odkm) { Merge = merge };
    });

    private static readonly Lazy<PlanIndex> OdkmIndex = new(() =>
    {
        var workbook = TrackerFileReader.Read(Path.Combine(RepositoryRoot.Path, "samples", "odkm-2019-20.txt"));
        return new PlanIndex(new TrackerImporter().Import(workbook, new TrackerImportOptions { PlanId = "odkm" }).Plan!, "v1");
    });

    /// <summary>The chair's digest for the week after the ODKM report (<see cref="OdkmDigestWeek"/>).</summary>
    private static readonly Lazy<Digest> OdkmDigest = new(() =>
    {
        var week = OdkmDigestWeek.Apply(OdkmIndex.Value.Plan);
        return DigestComposer.Compose(week.Plan, week.LastWeek, week.ReminderStates, DigestAudience.WholePlan, week.Today, week.Now);
    });

    /// <summary>A generated plan whose chair's digest needs two cards.</summary>
    private static readonly Lazy<Digest> GeneratedDigest = new(() =>
    {
        var inputs = GeneratedDigestPlan.Create(milestones: 1_500);
        return DigestComposer.Compose(inputs.Plan, inputs.LastWeek, inputs.ReminderStates, DigestAudience.WholePlan, inputs.Today, inputs.Now);
    });

    /// <summary>
    /// What Louis Kamfer hears on Wed 22 Jan 2020 at 09:00 from the ODKM sample: five escalations (#21, #36, #37, #41,
    /// #42), so one listing.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<ReminderItem>> LouisKamfersReminders = new(() =>
    {
        var at = new DateTimeOffset(2020, 1, 22, 9, 0, 0, TimeSpan.Zero);
        var due = ReminderSweep.Decide(OdkmIndex.Value.Plan, new Dictionary<MilestoneRef, ReminderState>(), new ReminderPlanner(ReminderPolicy.Default), at).Due;
        return [.. ReminderNotices.For(due, new DateOnly(2020, 1, 22), owner => owner.Name)
            .Where(n => n.PersonKey == "Louis Kamfer")
            .Select(n => new ReminderItem(new ReminderClaim(n, "gallery", at, "etag", 1), Stored(n.Ref.Value)))];
    });

    /// <summary>An answer from the ODKM sample as at 20 Jan 2020, asked by Sue Graham.</summary>
    private static Answer Ask(string question) => QuestionAnswerer.Ask(question, OdkmIndex.Value, new DateOnly(2020, 1, 20), "Sue Graham");

    [Fact]
    public void The_gallery_holds_every_card_PlanBot_can_send()
    {
        var builders = typeof(PlanBotCards).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(AdaptiveCard)).Select(m => m.Name)
            .Concat(typeof(AnswerCards).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(AdaptiveCard)).Select(m => Answers(m.Name)))
            .Concat(typeof(UpdateCards).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(AdaptiveCard)).Select(m => Updates(m.Name)))
            .Concat(typeof(ReminderCards).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(AdaptiveCard)).Select(m => nameof(ReminderCards) + "." + m.Name))
            .Concat(typeof(TrackerImportCards).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(AdaptiveCard)).Select(m => Imports(m.Name)))
            .Concat(typeof(DigestCards).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(AdaptiveCard) || m.ReturnType == typeof(IReadOnlyList<AdaptiveCard>)).Select(m => Digests(m.Name)))
            .ToHashSet();

        var missing = builders.Except(Gallery().Select(g => g.Method)).ToList();

        Assert.True(missing.Count == 0, "add these cards to the gallery: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_card_renders_without_errors_in_the_official_renderer()
    {
        var gallery = Gallery();

        var run = await CardRenderer.RenderAsync(_workDir, gallery.Select(g => (g.Name, g.Card.ToJson())).ToArray());
        output.WriteLine($"rendered {gallery.Count} cards in {run.Took.TotalSeconds:F1} s\n{run.Output}");

        Assert.True(run.ExitCode == 0, run.Output);
        foreach (var (name, _, card) in gallery)
        {
            Assert.Empty(run.Report(name)["errors"]!.AsArray());
            Assert.True(new FileInfo(run.Screenshot(name)).Length > 2_000, $"{name}: the screenshot looks empty");
            Assert.True(card.MeasureSize() < AdaptiveCard.DefaultMaxSizeBytes, $"{name} is {card.MeasureSize()} bytes");
        }
        if (Environment.GetEnvironmentVariable("PLANBOT_UPDATE_CARD_DOCS") == "1")
        {
            var docs = Path.Combine(RepositoryRoot.Path, "docs", "cards");
            foreach (var (name, _, _) in gallery) File.Copy(run.Screenshot(name), Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    [Fact]
    public void Every_card_has_its_screenshot_in_the_docs()
    {
        var docs = Path.Combine(RepositoryRoot.Path, "docs", "cards");

        var missing = Gallery().Select(g => g.Name).Where(name => !File.Exists(Path.Combine(docs, name + ".png"))).ToList();

        Assert.True(missing.Count == 0, "run the gallery test with PLANBOT_UPDATE_CARD_DOCS=1 to add: " + string.Join(", ", missing));
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
