using PlanBot.Core.Plans;

namespace PlanBot.Core.Tests.Plans;

public sealed class OwnerIdentityTests
{
    [Fact]
    public void An_owner_cell_holding_an_address_keeps_the_address_as_written()
    {
        Assert.Equal(["r.nash@trust.nhs.uk", "Jo Kaur"], OwnerNames.Split("r.nash@trust.nhs.uk; Jo Kaur").Select(n => n.Name));
    }

    [Fact]
    public void An_address_spelling_a_full_name_the_plan_writes_is_that_person()
    {
        var same = OwnerIdentity.SamePerson(["Sam Okafor", "sam.okafor@trust.nhs.uk", "kate.morris@trust.nhs.uk"]);

        Assert.Equal("Sam Okafor", same["sam.okafor@trust.nhs.uk"]);
        Assert.Null(same["kate.morris@trust.nhs.uk"]);
        Assert.Null(same["Sam Okafor"]);
    }

    [Fact]
    public void Initials_and_first_names_are_never_taken_for_a_full_name()
    {
        var same = OwnerIdentity.SamePerson(["Sam Okafor", "S. Okafor", "s.okafor@trust.nhs.uk", "Sam"]);

        Assert.Null(same["S. Okafor"]);
        Assert.Null(same["s.okafor@trust.nhs.uk"]);
        Assert.Null(same["Sam"]);
    }

    [Fact]
    public void An_address_is_asked_about_by_the_name_it_spells_as_well()
    {
        Assert.Equal("K Osei (k.osei@trust.nhs.uk)", OwnerIdentity.MatchText("k.osei@trust.nhs.uk"));
        Assert.Equal("pmo.team1@trust.nhs.uk", OwnerIdentity.MatchText("pmo.team1@trust.nhs.uk"));
        Assert.Equal("Kate Morris", OwnerIdentity.MatchText("Kate Morris"));
    }

    [Theory]
    [InlineData("DCFO (KL)", "Katrina Leighton", true)]
    [InlineData("DCFO (KL)", "Kevin Long", true)]
    [InlineData("DCFO (KL)", "Sue Graham", false)]
    [InlineData("AO/CFO (CG/MB)", "Caroline Gould", false)]
    [InlineData("Kate Lee", "Katrina Leighton", false)]
    public void A_person_holds_a_post_written_with_their_initials(string owner, string person, bool holds)
    {
        Assert.Equal(holds, OwnerIdentity.HoldsPostByInitials(owner, person));
    }
}
