using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Digests;

public sealed class RecipientAudienceTests
{
    private static readonly Plan Plan = MakePlan();

    [Fact]
    public void Named_areas_win_over_any_role() =>
        Assert.Equal(["Estates"], RecipientAudience.For(new Person("Sue Graham", Roles: [PersonRoles.Chair]), null, Plan, ["Estates"]).Areas);

    [Theory]
    [InlineData(PersonRoles.Chair)]
    [InlineData(PersonRoles.PmoAdmin)]
    public void A_chair_or_PMO_admin_gets_the_whole_plan(string role) =>
        Assert.Equal(DigestAudienceKind.WholePlan, RecipientAudience.For(new Person("Sue Graham", Roles: [role]), null, Plan, []).Kind);

    [Fact]
    public void An_admin_named_in_configuration_gets_the_whole_plan_without_a_people_file_entry() =>
        Assert.Equal(DigestAudienceKind.WholePlan, RecipientAudience.For(null, "Ann Lee", Plan, [], isPmoAdmin: true).Kind);

    [Fact]
    public void A_director_gets_the_departments_they_are_accountable_for_and_a_programme_where_a_milestone_has_no_department()
    {
        var audience = RecipientAudience.For(new Person("Bob Smith", Roles: [PersonRoles.Director]), null, Plan, []);

        Assert.Equal(DigestAudienceKind.Areas, audience.Kind);
        Assert.Equal(["Finance", "Urgent care"], audience.Areas);
    }

    [Fact]
    public void A_director_accountable_for_nothing_gets_their_own_milestones() =>
        Assert.Equal("Nina Shah", RecipientAudience.For(new Person("Nina Shah", Roles: [PersonRoles.Director]), null, Plan, []).Owner);

    [Fact]
    public void Anyone_else_gets_their_own_milestones_by_people_file_name_or_else_Teams_name()
    {
        Assert.Equal("Carl Jones", RecipientAudience.For(new Person("Carl Jones"), "Carl J", Plan, []).Owner);
        Assert.Equal("Carl J", RecipientAudience.For(null, "Carl J", Plan, []).Owner);
    }

    [Fact]
    public void Audiences_are_equal_by_their_areas_ignoring_case_not_by_list()
    {
        Assert.Equal(DigestAudience.ForAreas("Finance", "CFO"), DigestAudience.ForAreas("finance", "cfo"));
        Assert.Equal(DigestAudience.ForAreas("Finance").GetHashCode(), DigestAudience.ForAreas("FINANCE").GetHashCode());
        Assert.NotEqual(DigestAudience.ForAreas("Finance", "CFO"), DigestAudience.ForAreas("CFO", "Finance"));
        Assert.NotEqual(DigestAudience.ForAreas("Sue Graham"), DigestAudience.ForOwner("Sue Graham"));
        Assert.Equal(DigestAudience.ForOwner("Sue Graham"), DigestAudience.ForOwner("Sue Graham"));
    }

    private static Plan MakePlan()
    {
        var plan = TestPlans.Small("odkm", milestones: 4);
        return plan with
        {
            Milestones =
            [
                plan.Milestones[0] with { Department = "Finance", Owners = [TestPlans.Accountable("Bob Smith")] },
                plan.Milestones[1] with { Department = " finance ", Owners = [TestPlans.Accountable("Smith, Bob")] },
                plan.Milestones[2] with { Programme = "Urgent care", Owners = [TestPlans.Accountable("Bob Smith")] },
                plan.Milestones[3] with { Department = "Estates", Owners = [TestPlans.Delivery("Bob Smith"), TestPlans.Accountable("Dee Patel")] },
            ],
        };
    }
}
