using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Tests.Questions.SeedQuestions;
using PlanBot.Testing.Digests;

namespace PlanBot.Core.Tests.Digests;

/// <summary>
/// The ODKM sample imported as a PMO would, snapshotted on 27 January 2020, then a week of owners' updates through the
/// real update path (<see cref="OdkmDigestWeek"/>), and the digest for 3 February.
/// </summary>
public class SeedPlanDigestTests
{
    private static readonly DigestInputs Week = OdkmDigestWeek.Apply(SeedPlans.Index("odkm").Plan);

    private static Digest Compose(DigestAudience audience) =>
        DigestComposer.Compose(Week.Plan, Week.LastWeek, Week.ReminderStates, audience, Week.Today, Week.Now);

    [Fact]
    public void The_chairs_digest_shows_the_weeks_updates_and_what_fell_due()
    {
        var digest = Compose(DigestAudience.WholePlan);

        Assert.Equal(new DateOnly(2020, 2, 3), digest.WeekOf);
        Assert.Equal(OdkmDigestWeek.LastMonday, digest.BaselineAsAt);
        // #45 fell due on 31 January untouched; #43 and #44 were due then too, but one completed and one moved.
        Assert.Equal(["45"], Refs(digest.NewlyOverdue));
        var delayed = Assert.Single(digest.NewlyDelayed);
        Assert.Equal("44", delayed.Item.Ref.Value);
        Assert.Equal(OdkmDigestWeek.DelayReason, delayed.Reason);
        Assert.Equal(new DateOnly(2020, 3, 31), delayed.ProposedDate.Date);
        Assert.Equal(["37", "43"], Refs(digest.CompletedThisWeek));
        Assert.Equal(["46"], Refs(digest.DueInTwoWeeks));
        // #45 names no delivery owner, so its reminder went to its COT owner.
        Assert.Equal(["Louise Mitchell", "Sati Ubhi"], digest.NotAnswering.Select(o => o.Owner));
        var unreachable = Assert.Single(digest.Unreachable);
        Assert.Equal(("Rachel Pilsworth", "36"), (unreachable.Owner, unreachable.Items.Single().Ref.Value));
    }

    [Fact]
    public void Headline_counts_move_with_the_weeks_updates()
    {
        var digest = Compose(DigestAudience.WholePlan);
        var now = digest.Now;
        var before = digest.Baseline!;

        Assert.Equal(before.Milestones, now.Milestones);
        Assert.Equal(before.Complete + 2, now.Complete);
        Assert.Equal(before.Delayed + 1, now.Delayed);
        // #37 was overdue and is complete; #45 is newly overdue.
        Assert.Equal(before.Overdue, now.Overdue);
        Assert.Equal(Week.Plan.Milestones.Count(m => !m.IsFinished && m.EffectiveDue < Week.Today), now.Overdue);
        Assert.Equal(AreaKind.Department, digest.AreaKind);
        var transformation = digest.RagByArea.Single(a => a.Area == "Transformation");
        Assert.Equal(transformation.LastReport.Red + 1, transformation.ThisReport.Red);
    }

    [Fact]
    public void The_finance_directors_digest_holds_only_finance()
    {
        var digest = Compose(DigestAudience.ForAreas("Finance"));

        Assert.Equal(["37"], Refs(digest.CompletedThisWeek));
        Assert.Empty(digest.NewlyOverdue);
        Assert.Empty(digest.NewlyDelayed);
        Assert.Equal("Rachel Pilsworth", Assert.Single(digest.Unreachable).Owner);
        Assert.Equal(["Finance"], digest.RagByArea.Select(a => a.Area));
        Assert.Equal(Week.Plan.Milestones.Count(m => m.Department == "Finance"), digest.Now.Milestones);
    }

    [Fact]
    public void An_owners_digest_holds_what_they_deliver_or_answer_for()
    {
        var louise = Compose(DigestAudience.ForOwner("Louise Mitchell"));

        Assert.Equal(["45"], Refs(louise.NewlyOverdue));
        Assert.Equal(["44"], Refs(louise.NewlyDelayed.Select(d => d.Item)));
        Assert.Empty(louise.CompletedThisWeek);
        Assert.Equal(Week.Plan.Milestones.Count(m => m.Owners.Any(o => o.Name == "Louise Mitchell")), louise.Now.Milestones);
    }

    private static string[] Refs(IEnumerable<DigestItem> items) => [.. items.Select(i => i.Ref.Value)];
}
