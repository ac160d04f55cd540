using Microsoft.Extensions.Time.Testing;
using PlanBot.Core.People;

namespace PlanBot.Web.Tests.People;

public sealed class OwnerResolverTests
{
    private static readonly Person Sue = new("Sue Graham", "sue.graham@nhs.net", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", ["Director"]);
    private static readonly Person Rachel = new("Rachel Pilsworth", "rachel.pilsworth@nhs.net", "11111111-1111-1111-1111-111111111111");
    private static readonly Person Zoe = new("Zoë O'Neill", "zoe.oneill@nhs.net", "22222222-2222-2222-2222-222222222222");
    private static readonly Person Caroline = new("Caroline Gould", "caroline.gould@nhs.net", "33333333-3333-3333-3333-333333333333", ["AO"]);
    private static readonly Person Mark = new("Mark Bell", "mark.bell@nhs.net", "44444444-4444-4444-4444-444444444444", ["CFO"]);
    private static readonly Person DanielleHill = new("Danielle Hill", "danielle.hill@nhs.net", "55555555-5555-5555-5555-555555555555");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 1, 20, 9, 0, 0, TimeSpan.Zero));

    private OwnerResolver Resolver(InMemoryPeopleStore people, InMemoryDirectory directory, TimeSpan? cache = null) =>
        new(people, directory, _time, new OwnerResolverOptions { CacheDuration = cache ?? TimeSpan.FromMinutes(2) });

    private static Person User(string name, string email, string id) => new(name, email, id);

    [Fact]
    public async Task A_name_in_the_people_file_resolves_without_asking_the_directory()
    {
        var directory = new InMemoryDirectory(User("Sue Graham", "someone.else@nhs.net", "99999999-9999-9999-9999-999999999999"));
        var resolver = Resolver(new InMemoryPeopleStore(Sue, Rachel), directory);

        var resolution = await resolver.ResolveAsync("Sue Graham");

        Assert.Equal(OwnerResolutionOutcome.Resolved, resolution.Outcome);
        Assert.Equal(OwnerSource.PeopleFile, resolution.Source);
        Assert.Equal(Sue.AadObjectId, resolution.Person!.AadObjectId);
        Assert.Empty(directory.Searches);
    }

    [Theory]
    [InlineData("sue  GRAHAM")]
    [InlineData("Dr Sue Graham")]
    [InlineData("Sue Graham (interim)")]
    [InlineData("Sue Graham (SG)")]
    [InlineData(" Sue Graham. ")]
    [InlineData("SUE.GRAHAM@NHS.NET")]
    public async Task People_file_names_match_ignoring_case_spacing_titles_qualifiers_and_initials(string written)
    {
        var resolver = Resolver(new InMemoryPeopleStore(Sue), new InMemoryDirectory());

        var resolution = await resolver.ResolveAsync(written);

        Assert.True(resolution.IsResolved, resolution.Outcome.ToString());
        Assert.Equal("Sue Graham", resolution.Person!.Name);
        Assert.Equal(written, resolution.Name);
    }

    [Fact]
    public async Task People_file_names_match_ignoring_accents_and_curly_apostrophes()
    {
        var resolver = Resolver(new InMemoryPeopleStore(Zoe), new InMemoryDirectory());

        Assert.Equal(Zoe, (await resolver.ResolveAsync("Zoe O\u2019Neill")).Person);
    }

    [Fact]
    public async Task A_people_file_row_can_pin_a_role_or_a_first_name_exactly_as_the_plan_writes_it()
    {
        var pinnedRole = new Person("AO (CG)", "caroline.gould@nhs.net", Caroline.AadObjectId);
        var pinnedFirstName = new Person("Danielle", "danielle.hill@nhs.net", DanielleHill.AadObjectId);
        var resolver = Resolver(new InMemoryPeopleStore(pinnedRole, pinnedFirstName), new InMemoryDirectory());

        Assert.Equal(pinnedRole, (await resolver.ResolveAsync("AO (CG)")).Person);
        Assert.Equal(pinnedFirstName, (await resolver.ResolveAsync("Danielle")).Person);
    }

    [Fact]
    public async Task A_full_name_not_in_the_people_file_resolves_to_the_one_directory_user_with_that_display_name()
    {
        var directory = new InMemoryDirectory(User("Jane Webster", "jane.webster@nhs.net", "66666666-6666-6666-6666-666666666666"));
        var resolver = Resolver(new InMemoryPeopleStore(Sue), directory);

        var resolution = await resolver.ResolveAsync("Jane Webster");

        Assert.Equal(OwnerResolutionOutcome.Resolved, resolution.Outcome);
        Assert.Equal(OwnerSource.Directory, resolution.Source);
        Assert.Equal("66666666-6666-6666-6666-666666666666", resolution.Person!.AadObjectId);
        Assert.Equal(["displayName:Jane Webster"], directory.Searches);
    }

    [Fact]
    public async Task Several_directory_users_with_the_name_are_ambiguous_and_none_is_chosen()
    {
        var directory = new InMemoryDirectory(
            User("Matthew Smith", "matthew.smith@nhs.net", "77777777-7777-7777-7777-777777777771"),
            User("Matthew Smith", "matthew.smith2@nhs.net", "77777777-7777-7777-7777-777777777772"));
        var resolver = Resolver(new InMemoryPeopleStore(), directory);

        var resolution = await resolver.ResolveAsync("Matthew Smith");

        Assert.Equal(OwnerResolutionOutcome.Ambiguous, resolution.Outcome);
        Assert.Null(resolution.Person);
        Assert.Equal(["matthew.smith@nhs.net", "matthew.smith2@nhs.net"], resolution.Candidates.Select(c => c.Email));
        Assert.Equal(OwnerSource.Directory, resolution.Source);
    }

    [Fact]
    public async Task A_first_name_only_is_flagged_never_looked_up_and_the_people_file_suggests_who_it_might_be()
    {
        var directory = new InMemoryDirectory(User("Danielle", "danielle@nhs.net", "88888888-8888-8888-8888-888888888888"));
        var resolver = Resolver(new InMemoryPeopleStore(DanielleHill, Sue), directory);

        var resolution = await resolver.ResolveAsync("Danielle");

        Assert.Equal(OwnerResolutionOutcome.FirstNameOnly, resolution.Outcome);
        Assert.Null(resolution.Person);
        Assert.Equal([DanielleHill], resolution.Candidates);
        Assert.Empty(directory.Searches);
    }

    [Theory]
    [InlineData("AO (CG)")]
    [InlineData("CFO")]
    [InlineData("CFO (MB)")]
    [InlineData("AD P&G (MA)")]
    [InlineData("AD C&C (EH)")]
    [InlineData("Chief Officer")]
    [InlineData("CCG Sec.")]
    [InlineData("Dir. Gov")]
    [InlineData("Head of Q&A (CN)")]
    [InlineData("Int. Gov. Spec. (AB)")]
    [InlineData("Interim Joint QIPP PD (RH)")]
    [InlineData("HoE (MS)")]
    [InlineData("DoFs")]
    [InlineData("SoF PMO")]
    [InlineData("Chair (JGL)")]
    public async Task A_role_with_or_without_initials_is_flagged_and_never_looked_up(string written)
    {
        var directory = new InMemoryDirectory(User(written, "shared.mailbox@nhs.net", "99999999-9999-9999-9999-999999999999"));
        var resolver = Resolver(new InMemoryPeopleStore(Sue), directory);

        var resolution = await resolver.ResolveAsync(written);

        Assert.Equal(OwnerResolutionOutcome.RoleOnly, resolution.Outcome);
        Assert.Null(resolution.Person);
        Assert.Empty(directory.Searches);
    }

    [Fact]
    public async Task Role_suggestions_are_the_people_file_holders_of_the_role_whose_initials_fit()
    {
        var otherAo = new Person("Mike Hart", "mike.hart@nhs.net", "12121212-1212-1212-1212-121212121212", ["AO"]);
        var resolver = Resolver(new InMemoryPeopleStore(Caroline, otherAo, Mark), new InMemoryDirectory());

        Assert.Equal([Caroline], (await resolver.ResolveAsync("AO (CG)")).Candidates);
        Assert.Equal([otherAo], (await resolver.ResolveAsync("AO (MH)")).Candidates);
        Assert.Equal([Caroline, otherAo], (await resolver.ResolveAsync("AO")).Candidates);
        Assert.Empty((await resolver.ResolveAsync("CFO (XY)")).Candidates);
    }

    [Theory]
    [InlineData("Rab McEwan")]
    [InlineData("Siobhan O'Neill")]
    [InlineData("Mary-Jane Smith-Jones")]
    [InlineData("SUE GRAHAM")]
    [InlineData("Jo Lee (JL)")]
    public async Task Names_that_only_look_unusual_are_still_looked_up_as_names(string written)
    {
        var directory = new InMemoryDirectory();
        var resolver = Resolver(new InMemoryPeopleStore(), directory);

        var resolution = await resolver.ResolveAsync(written);

        Assert.Equal(OwnerResolutionOutcome.NotFound, resolution.Outcome);
        Assert.StartsWith("displayName:", directory.Searches[0]);
    }

    [Fact]
    public async Task An_email_not_in_the_people_file_is_looked_up_by_mail_or_user_principal_name()
    {
        var directory = new InMemoryDirectory(User("Jess Bawden", "jess.bawden@nhs.net", "13131313-1313-1313-1313-131313131313"));
        var resolver = Resolver(new InMemoryPeopleStore(Sue), directory);

        var resolution = await resolver.ResolveAsync("Jess.Bawden@nhs.net");

        Assert.Equal("Jess Bawden", resolution.Person!.Name);
        Assert.Equal(OwnerSource.Directory, resolution.Source);
        Assert.Equal(["email:Jess.Bawden@nhs.net"], directory.Searches);
    }

    [Fact]
    public async Task An_owner_shown_as_the_name_an_address_spells_is_resolved_by_the_address_in_the_people_file_and_the_directory()
    {
        var directory = new InMemoryDirectory(User("Jess Bawden", "jess.bawden@nhs.net", "13131313-1313-1313-1313-131313131313"));
        var resolver = Resolver(new InMemoryPeopleStore(Rachel), directory);

        var fromFile = await resolver.ResolveAsync("R Pilsworth (rachel.pilsworth@nhs.net)");
        var fromDirectory = await resolver.ResolveAsync("J Bawden (jess.bawden@nhs.net)");

        Assert.Equal((Rachel.AadObjectId, OwnerSource.PeopleFile), (fromFile.Person!.AadObjectId, fromFile.Source));
        Assert.Equal(("Jess Bawden", OwnerSource.Directory), (fromDirectory.Person!.Name, fromDirectory.Source));
        Assert.Equal(["email:jess.bawden@nhs.net"], directory.Searches);
    }

    [Fact]
    public async Task A_name_missing_from_display_names_is_found_by_given_name_and_surname()
    {
        var directory = new InMemoryDirectory(User("Anderson, Carol (NHS Somewhere CCG)", "carol.anderson@nhs.net", "14141414-1414-1414-1414-141414141414"));
        var resolver = Resolver(new InMemoryPeopleStore(), directory);

        var resolution = await resolver.ResolveAsync("Carol Anderson");

        Assert.Equal("14141414-1414-1414-1414-141414141414", resolution.Person!.AadObjectId);
        Assert.Equal(["displayName:Carol Anderson", "givenName+surname:Carol|Anderson"], directory.Searches);
    }

    [Fact]
    public async Task A_name_nobody_has_is_not_found()
    {
        var resolver = Resolver(new InMemoryPeopleStore(Sue), new InMemoryDirectory(Rachel));

        var resolution = await resolver.ResolveAsync("Nobody Atall");

        Assert.Equal(OwnerResolutionOutcome.NotFound, resolution.Outcome);
        Assert.Null(resolution.Person);
        Assert.Null(resolution.Source);
    }

    [Fact]
    public async Task Without_a_directory_only_the_people_file_resolves_names()
    {
        var resolver = Resolver(new InMemoryPeopleStore(Sue), new InMemoryDirectory(Rachel) { IsAvailable = false });

        Assert.True((await resolver.ResolveAsync("Sue Graham")).IsResolved);
        Assert.Equal(OwnerResolutionOutcome.NotFound, (await resolver.ResolveAsync("Rachel Pilsworth")).Outcome);
    }

    [Fact]
    public async Task Resolving_with_no_directory_configured_relies_on_the_people_file()
    {
        var resolver = new OwnerResolver(new InMemoryPeopleStore(Sue), new NoDirectorySearch("local mode"), _time);

        Assert.True((await resolver.ResolveAsync("Sue Graham")).IsResolved);
        Assert.Equal(OwnerResolutionOutcome.NotFound, (await resolver.ResolveAsync("Rachel Pilsworth")).Outcome);
    }

    [Fact]
    public async Task A_people_file_person_without_an_object_id_gets_it_from_the_directory_by_email()
    {
        var withoutId = new Person("Sue Graham", "sue.graham@nhs.net");
        var directory = new InMemoryDirectory(User("GRAHAM, Sue", "sue.graham@nhs.net", Sue.AadObjectId!));
        var resolver = Resolver(new InMemoryPeopleStore(withoutId), directory);

        var resolution = await resolver.ResolveAsync("Sue Graham");

        Assert.Equal(OwnerSource.PeopleFile, resolution.Source);
        Assert.Equal("Sue Graham", resolution.Person!.Name);
        Assert.Equal(Sue.AadObjectId, resolution.Person.AadObjectId);
    }

    [Fact]
    public async Task A_people_file_person_stays_resolved_when_the_directory_fails()
    {
        var withoutId = new Person("Sue Graham", "sue.graham@nhs.net");
        var directory = new InMemoryDirectory { Failure = new DirectorySearchException("Graph is down.") };
        var resolver = Resolver(new InMemoryPeopleStore(withoutId), directory);

        var resolution = await resolver.ResolveAsync("Sue Graham");

        Assert.Equal(withoutId, resolution.Person);
    }

    [Fact]
    public async Task A_failed_directory_search_reaches_the_caller_and_is_not_cached()
    {
        var directory = new InMemoryDirectory(Rachel) { Failure = new DirectorySearchException("Graph is down.") };
        var resolver = Resolver(new InMemoryPeopleStore(), directory);

        await Assert.ThrowsAsync<DirectorySearchException>(() => resolver.ResolveAsync("Rachel Pilsworth"));
        directory.Failure = null;

        Assert.True((await resolver.ResolveAsync("Rachel Pilsworth")).IsResolved);
    }

    [Fact]
    public async Task Resolutions_are_reused_until_the_cache_duration_has_passed()
    {
        var people = new InMemoryPeopleStore();
        var directory = new InMemoryDirectory(Rachel);
        var resolver = Resolver(people, directory, TimeSpan.FromMinutes(2));

        await resolver.ResolveAsync("Rachel Pilsworth");
        _time.Advance(TimeSpan.FromSeconds(119));
        await resolver.ResolveAsync("rachel  pilsworth");
        Assert.Single(directory.Searches);
        Assert.Equal(1, people.Reads);

        _time.Advance(TimeSpan.FromSeconds(2));
        await resolver.ResolveAsync("Rachel Pilsworth");
        Assert.Equal(2, directory.Searches.Count);
        Assert.Equal(2, people.Reads);
    }

    [Fact]
    public async Task Clearing_the_cache_makes_a_new_people_file_count_at_once()
    {
        var people = new InMemoryPeopleStore();
        var resolver = Resolver(people, new InMemoryDirectory());
        Assert.False((await resolver.ResolveAsync("Sue Graham")).IsResolved);

        await people.ReplaceAllAsync([Sue], "test", null);
        resolver.ClearCache();

        Assert.True((await resolver.ResolveAsync("Sue Graham")).IsResolved);
    }

    [Fact]
    public async Task Resolving_many_names_looks_each_distinct_name_up_once_and_keeps_their_order()
    {
        var directory = new InMemoryDirectory(Rachel, Mark);
        var resolver = Resolver(new InMemoryPeopleStore(Sue), directory);

        var resolutions = await resolver.ResolveAllAsync(["Rachel Pilsworth", "Sue Graham", "Rachel  Pilsworth", "Mark Bell", "", "Danielle", "Mark Bell"]);

        Assert.Equal(["Rachel Pilsworth", "Sue Graham", "Mark Bell", "Danielle"], resolutions.Select(r => r.Name));
        Assert.Equal(2, directory.Searches.Count);
    }
}
