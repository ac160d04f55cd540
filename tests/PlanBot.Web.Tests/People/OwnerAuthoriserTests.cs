using Microsoft.Extensions.Time.Testing;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using PlanBot.Testing;

namespace PlanBot.Web.Tests.People;

/// <summary>Who may update a milestone: owners, delegates and PMO admins, each by Entra object id and never by name.</summary>
public sealed class OwnerAuthoriserTests
{
    private const string SueId = "11111111-1111-1111-1111-111111111111";
    private const string JoId = "22222222-2222-2222-2222-222222222222";
    private const string PatId = "33333333-3333-3333-3333-333333333333";
    private const string ConfiguredAdminId = "44444444-4444-4444-4444-444444444444";
    private const string RachelId = "55555555-5555-5555-5555-555555555555";
    private const string StrangerId = "66666666-6666-6666-6666-666666666666";

    private static readonly Person Sue = new("Sue Graham", "sue.graham@nhs.net", SueId, Delegate: "Jo Bloggs");
    private static readonly Person Jo = new("Jo Bloggs", "jo.bloggs@nhs.net", JoId);
    private static readonly Person Pat = new("Pat Admin", "pat.admin@nhs.net", PatId, [PersonRoles.PmoAdmin]);
    private static readonly Person Louise = new("Louise Mitchell", "louise.mitchell@nhs.net", null, [PersonRoles.PmoAdmin]);

    private static OwnerAuthoriser Authoriser(InMemoryDirectory? directory = null)
    {
        var people = new InMemoryPeopleStore(Sue, Jo, Pat, Louise);
        var resolver = new OwnerResolver(people, directory ?? new InMemoryDirectory(), new FakeTimeProvider());
        return new OwnerAuthoriser(new PmoAdmins([ConfiguredAdminId]), people, resolver);
    }

    private static Milestone OwnedBy(params string[] owners) => TestPlans.Milestone("45") with { Owners = [.. owners.Select(o => TestPlans.Delivery(o))] };

    [Theory]
    [InlineData(SueId, "Sue Graham")]
    [InlineData(SueId, "Someone Else Entirely")] // the name does not matter when the object id is the owner's
    [InlineData(JoId, "Jo Bloggs")] // her delegate
    [InlineData(PatId, "Pat Admin")] // a PMO admin from the people file
    [InlineData(ConfiguredAdminId, "Anyone")] // a PMO admin by configuration
    public async Task The_owner_their_delegate_and_PMO_admins_are_recognised_by_object_id(string objectId, string name)
    {
        var permission = await Authoriser().CheckAsync("odkm", OwnedBy("Sue Graham"), new UpdateAuthor(name, objectId));

        Assert.True(permission.Allowed, permission.Reason);
    }

    [Theory]
    [InlineData(StrangerId, "Sue Graham")] // the owner's name, another account
    [InlineData(StrangerId, "Pat Admin")] // an admin's name
    [InlineData(StrangerId, "Louise Mitchell")] // an admin listed without an object id
    [InlineData(null, "Sue Graham")] // no object id at all
    public async Task A_name_alone_is_never_enough(string? objectId, string name)
    {
        var permission = await Authoriser().CheckAsync("odkm", OwnedBy("Sue Graham"), new UpdateAuthor(name, objectId));

        Assert.False(permission.Allowed);
    }

    [Fact]
    public async Task An_owner_known_only_by_name_cannot_be_acted_for_and_the_refusal_names_nobody()
    {
        var permission = await Authoriser().CheckAsync("odkm", OwnedBy("Louise Mitchell", "Rachel Pilsworth"), new UpdateAuthor("Louise Mitchell", StrangerId));

        Assert.False(permission.Allowed);
        Assert.Equal("Your Microsoft Entra account is not one of #45's owners, their delegates or the PMO admins. "
            + "If it is yours, ask the PMO to check the people file.", permission.Reason);
    }

    [Fact]
    public async Task An_owner_the_directory_ties_to_an_object_id_is_recognised_by_it()
    {
        var directory = new InMemoryDirectory(new Person("Rachel Pilsworth", "rachel.pilsworth@nhs.net", RachelId));

        Assert.True((await Authoriser(directory).CheckAsync("odkm", OwnedBy("Rachel Pilsworth"), new UpdateAuthor("R Pilsworth", RachelId))).Allowed);
        Assert.False((await Authoriser(directory).CheckAsync("odkm", OwnedBy("Rachel Pilsworth"), new UpdateAuthor("Rachel Pilsworth", StrangerId))).Allowed);
    }

    [Fact]
    public async Task A_PMO_admin_is_told_which_owners_have_no_object_id()
    {
        var permission = await Authoriser().CheckAsync("odkm", OwnedBy("Louise Mitchell", "Sue Graham", "Rachel Pilsworth"), new UpdateAuthor("Pat Admin", PatId));

        Assert.True(permission.Allowed);
        Assert.Equal("Louise Mitchell and Rachel Pilsworth have no Entra object id: add them, or turn on Graph lookup.", permission.Notice);
        Assert.Equal("Louise Mitchell has no Entra object id: add it, or turn on Graph lookup.",
            (await Authoriser().CheckAsync("odkm", OwnedBy("Louise Mitchell"), new UpdateAuthor("Pat Admin", PatId))).Notice);
    }

    [Fact]
    public async Task A_PMO_admin_may_update_when_the_directory_is_down()
    {
        var directory = new InMemoryDirectory { Failure = new DirectorySearchException("Graph is down") };

        var permission = await Authoriser(directory).CheckAsync("odkm", OwnedBy("Rachel Pilsworth"), new UpdateAuthor("Pat Admin", PatId));

        Assert.True(permission.Allowed);
    }
}
