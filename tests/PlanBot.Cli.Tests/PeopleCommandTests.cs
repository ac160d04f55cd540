using Microsoft.Extensions.Configuration;
using PlanBot.Core.People;
using PlanBot.Storage;
using PlanBot.Storage.People;
using PlanBot.Testing;
using PlanBot.Testing.Graph;

namespace PlanBot.Cli.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class PeopleCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Header = "Name,Email,AadObjectId,Roles,Delegate";

    private readonly PlanBotProcess _planbot = new(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("planbot-people-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IPeopleStore People => new TablePeopleStore(_planbot.Tables, TimeProvider.System);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private string GoodFile() => File("people.csv",
        Header,
        "Sue Graham,sue.graham@nhs.net,3f2504e0-4f89-41d3-9a0c-0305e82c3301,Director,Sharon Fox",
        "Sharon Fox,sharon.fox@nhs.net,,PMO admin,",
        "Rachel Pilsworth,rachel.pilsworth@nhs.net,,,",
        "Caroline Gould,caroline.gould@nhs.net,,AO,");

    [Fact]
    public async Task People_import_prints_the_counts_and_stores_everyone()
    {
        var run = await _planbot.RunAsync("people", "import", GoodFile());

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("people.csv: 4 people, 1 PMO admin(s), 1 with a delegate", run.Output);
        Assert.Contains("No people are stored yet: every person will be added.", run.Output);
        Assert.Contains("Imported 4 people from people.csv.", run.Output);
        var stored = await People.GetPeopleAsync();
        Assert.Equal(["Sue Graham", "Sharon Fox", "Rachel Pilsworth", "Caroline Gould"], stored.People.Select(p => p.Name));
        Assert.Equal("Sharon Fox", stored.People[0].Delegate);

        var again = await _planbot.RunAsync("people", "import", File("people-v2.csv", Header, "Sue Graham,sue.graham@nhs.net,,Director,", "Jan Thomas,jan.thomas@nhs.net,,,"));
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains(": 1 added, 1 changed, 3 removed, 0 unchanged.", again.Output);
        Assert.Equal(["Sue Graham", "Jan Thomas"], (await People.GetPeopleAsync()).People.Select(p => p.Name));
    }

    [Fact]
    public async Task People_import_of_a_bad_file_lists_every_error_by_row_and_column_and_stores_nothing()
    {
        Assert.Equal(0, (await _planbot.RunAsync("people", "import", GoodFile())).ExitCode);
        var before = await People.GetPeopleAsync();

        var run = await _planbot.RunAsync("people", "import", File("bad.csv",
            Header,
            "Sue Graham,sue.graham@,not-a-guid,Director,",
            ",nobody@nhs.net,,,",
            "Pat Lee,,,,",
            "Jan Thomas,jan.thomas@nhs.net,,,Jo Bloggs",
            "Mark Sanderson,mark@nhs.net,,,",
            "mark  sanderson,mark2@nhs.net,,,",
            "Sharon Fox,mark@nhs.net,,,",
            "Sati Ubhi,sati@nhs.net,,,Sati Ubhi",
            "Extra,extra@nhs.net,,,,"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("9 error(s) in bad.csv:", run.Output);
        foreach (var expected in new[]
        {
            "bad.csv, row 2, column B (Email): 'sue.graham@' is not an email address.",
            "bad.csv, row 2, column C (AadObjectId): 'not-a-guid' is not an Entra object id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301).",
            "bad.csv, row 3, column A (Name): the name is missing.",
            "bad.csv, row 4: 'Pat Lee' has neither an Email nor an AadObjectId; give one so PlanBot can find them in Teams.",
            "bad.csv, row 5, column E (Delegate): 'Jo Bloggs' is not the Name or Email of anyone in this file; add a row for the delegate, or leave Delegate blank.",
            "bad.csv, row 7, column A (Name): 'mark sanderson' is the same name as 'Mark Sanderson' on row 6; each name must be unique.",
            "bad.csv, row 8, column B (Email): 'mark@nhs.net' is already on row 6 (Mark Sanderson); each email must be unique.",
            "bad.csv, row 9, column E (Delegate): 'Sati Ubhi' is Sati Ubhi themselves; a delegate must be someone else.",
            "bad.csv, row 10: the row has 6 fields but the header has 5; a comma inside a name or a list of roles needs the field in quotes.",
        })
        {
            Assert.Contains(expected, run.Output);
        }

        Assert.Contains("Nothing was imported.", run.Output);
        var after = await People.GetPeopleAsync();
        Assert.Equal(before.Info, after.Info);
        Assert.Equal(before.People.Select(p => p.Name), after.People.Select(p => p.Name));
    }

    [Fact]
    public async Task People_import_of_a_file_with_a_wrong_header_stores_nothing()
    {
        var run = await _planbot.RunAsync("people", "import", File("people.csv", "Name,Email,Object Id,Roles,Delegate", "Sue Graham,sue.graham@nhs.net,,,"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("people.csv, row 1, column C (AadObjectId): expected the header 'AadObjectId' but found 'Object Id'", run.Output);
        Assert.Null((await People.GetPeopleAsync()).Info);
    }

    [Fact]
    public async Task People_import_dry_run_checks_the_file_and_saves_nothing()
    {
        var run = await _planbot.RunAsync("people", "import", GoodFile(), "--dry-run");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Dry run: nothing was saved.", run.Output);
        Assert.Null((await People.GetPeopleAsync()).Info);
    }

    [Fact]
    public async Task People_unresolved_lists_each_owner_name_that_does_not_resolve_with_why_and_its_milestones()
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        Assert.Equal(0, (await _planbot.RunAsync("people", "import", GoodFile())).ExitCode);

        var run = await _planbot.RunAsync("people", "unresolved", "--plan", "odkm");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Plan odkm: 24 owner name(s); 3 resolve (3 from the people file, 0 from the directory), 21 do not.", run.Output);
        Assert.Contains("Directory: Microsoft Graph is not configured: there is no MicrosoftAppId (local mode).", run.Output);
        Assert.Matches(@"(?m)^Danielle\s{2,}first name only\s{2,}#27$", run.Output);
        Assert.Matches(@"(?m)^Mark Sanderson\s{2,}not found in the people file \(no directory\)\s{2,}#2, #3, #4, #12, #13, #14, #20, #29, #43, #46, #48, #49, #50, #51$", run.Output);
        Assert.DoesNotContain("│ Sue Graham ", run.Output);
        Assert.DoesNotContain("│ Rachel Pilsworth ", run.Output);
    }

    [Fact]
    public async Task People_unresolved_flags_roles_with_initials_and_suggests_the_people_file_holder()
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("southend-idp-2018-19.txt"), "--plan", "southend")).ExitCode);
        Assert.Equal(0, (await _planbot.RunAsync("people", "import", GoodFile())).ExitCode);

        var run = await _planbot.RunAsync("people", "unresolved", "--plan", "southend");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches(@"(?m)^AO \(CG\)\s{2,}role only \(people file role holders: Caroline Gould\)\s{2,}#1\.1, #1\.2, ", run.Output);
        Assert.Matches(@"(?m)^CFO \(MB\)\s{2,}role only\s{2,}#2\.1, ", run.Output);
        Assert.Matches(@"(?m)^AD P&G \(MA\)\s{2,}role only\s{2,}#", run.Output);
    }

    [Fact]
    public async Task People_unresolved_resolves_through_graph_and_names_every_match_when_there_are_several()
    {
        await using var graph = await FakeGraph.StartAsync(
            new FakeGraphUser("0b5d0c1e-0000-4000-8000-000000000001", "Mark Sanderson", "mark.sanderson@nhs.net", "mark.sanderson@ccg.onmicrosoft.com"),
            new FakeGraphUser("0b5d0c1e-0000-4000-8000-000000000002", "Matthew Smith", "matthew.smith@nhs.net", "matthew.smith@ccg.onmicrosoft.com"),
            new FakeGraphUser("0b5d0c1e-0000-4000-8000-000000000003", "Matthew Smith", "matthew.smith2@nhs.net", "matthew.smith2@ccg.onmicrosoft.com"),
            new FakeGraphUser("0b5d0c1e-0000-4000-8000-000000000004", "Danielle", "danielle@nhs.net", "danielle@ccg.onmicrosoft.com"));
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        Assert.Equal(0, (await _planbot.RunAsync("people", "import", GoodFile())).ExitCode);
        var graphSettings = new Dictionary<string, string>
        {
            ["PlanBot__Graph__BaseUrl"] = graph.BaseUrl,
            ["PlanBot__Graph__AccessToken"] = FakeGraph.DefaultToken,
        };

        var run = await _planbot.RunAsync(graphSettings, "people", "unresolved", "--plan", "odkm");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("3 from the people file, 1 from the directory", run.Output);
        Assert.Contains($"Directory: Microsoft Graph at {graph.BaseUrl}", run.Output);
        Assert.Matches(@"(?m)^Matthew Smith\s{2,}several matches: Matthew Smith \(matthew\.smith@nhs\.net\), Matthew Smith \(matthew\.smith2@nhs\.net\)\s{2,}#24, #34, #52$", run.Output);
        Assert.Matches(@"(?m)^Danielle\s{2,}first name only\s{2,}#27", run.Output);
        Assert.DoesNotContain("│ Mark Sanderson ", run.Output);
        Assert.All(graph.Requests, r => Assert.Equal("Bearer " + FakeGraph.DefaultToken, r.Authorization));
        Assert.DoesNotContain(graph.Requests, r => r.Filter!.Contains("'Danielle'"));
        Assert.DoesNotContain(FakeGraph.DefaultToken, run.All);
    }

    [Fact]
    public async Task People_unresolved_says_plainly_when_graph_refuses()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.RefuseWith(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        var graphSettings = new Dictionary<string, string>
        {
            ["PlanBot__Graph__BaseUrl"] = graph.BaseUrl,
            ["PlanBot__Graph__AccessToken"] = FakeGraph.DefaultToken,
        };

        var run = await _planbot.RunAsync(graphSettings, "people", "unresolved", "--plan", "odkm");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Microsoft Graph refused the search (403 Authorization_RequestDenied): Insufficient privileges to complete the operation.", run.Error);
        Assert.Contains("User.Read.All", run.Error);
    }

    [Fact]
    public async Task People_unresolved_for_a_plan_that_does_not_exist_fails()
    {
        var run = await _planbot.RunAsync("people", "unresolved", "--plan", "nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no plan 'nope'.", run.Error);
    }
}
