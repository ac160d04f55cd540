using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>
/// A board paper's key to the role codes and initials its owner columns use ("AO | Accountable Officer | Cathy
/// Gritzner (CG)"), read from invented trackers: owners keep how the tracker wrote them and gain the person.
/// </summary>
public sealed class OwnerKeyImportTests
{
    private static readonly string[] KeyWithHeader =
    [
        "Recovery plan 2025/26",
        "Responsible officers",
        "Abbreviation\tTitle\tPerson",
        "AO\tAccountable Officer\tPriya Lang (PL)",
        "CFO\tChief Finance Officer\tOwen Marsh (OM)",
        "CN\tChief Nurse\tRuth Bell (RB)",
        "Head of Q&A\tHead of Quality and Assurance\tCarl Nash (CN)",
        "IOL\tInterim Operations Lead\tn/a",
        "",
    ];

    [Fact]
    public void An_owner_written_as_a_role_with_initials_is_the_person_the_key_names_and_keeps_its_written_form()
    {
        var plan = Grid.Import(Grid.Tsv("recovery.txt", [.. KeyWithHeader,
            "Ref\tAction\tDue Date\tSRO\tLead",
            "1.1\tAgree the recovery plan\t30/06/2025\tAO (PL)\tCFO (OM)",
            "1.2\tAudit ward staffing\t31/07/2025\tCN (RB)\tHead of Q&A (CN)"])).Plan!;

        var first = plan.Milestones[0].Owners;
        Assert.Equal(["AO (PL)", "CFO (OM)"], first.Select(o => o.Name));
        Assert.Equal(["Priya Lang", "Owen Marsh"], first.Select(o => o.Person));
        Assert.Equal("Priya Lang (AO)", first[0].Display);
        // The same letters are a role code for one person and another's initials: the initials decide.
        Assert.Equal(["Ruth Bell", "Carl Nash"], plan.Milestones[1].Owners.Select(o => o.Person));
    }

    [Fact]
    public void A_role_written_alone_or_with_its_spaces_moved_is_still_found_in_the_key()
    {
        var plan = Grid.Import(Grid.Tsv("recovery.txt", [.. KeyWithHeader,
            "Ref\tAction\tDue Date\tSRO\tLead",
            "1.1\tAgree the recovery plan\t30/06/2025\tCFO\tHead of QA",
            "1.2\tPublish the plan\t31/07/2025\tPL\tDeborah Quinn"])).Plan!;

        Assert.Equal(["Owen Marsh", "Carl Nash"], plan.Milestones[0].Owners.Select(o => o.Person));
        // Initials alone name the person; a name written in full is left as it is.
        Assert.Equal(["Priya Lang", null], plan.Milestones[1].Owners.Select(o => o.Person));
    }

    [Fact]
    public void What_the_key_could_not_place_is_reported_with_the_reason_and_never_guessed()
    {
        var result = Grid.Import(Grid.Tsv("recovery.txt", [.. KeyWithHeader,
            "Ref\tAction\tDue Date\tSRO\tLead",
            "1.1\tAgree the recovery plan\t30/06/2025\tAO (PL)\tIOL",
            "1.2\tPublish the plan\t31/07/2025\tAO (ZZ)\tCFO (OM)"]));

        var owners = result.Plan!.Milestones.SelectMany(m => m.Owners).ToList();
        Assert.Null(owners.Single(o => o.Name == "IOL").Person);
        Assert.Null(owners.Single(o => o.Name == "AO (ZZ)").Person);
        var report = result.Summary.OwnerKey!;
        Assert.Equal(2, report.Resolved);
        Assert.Equal(["'IOL' (the key names nobody for it)", "'AO (ZZ)' (no one in the key has the initials ZZ)"], report.Unresolved);
        Assert.Equal("The owner key at row 4 names 4 people: 2 owners written as roles or initials were read as them ('AO (PL)' as Priya Lang, " +
            "'CFO (OM)' as Owen Marsh); not placed: 'IOL' (the key names nobody for it); 'AO (ZZ)' (no one in the key has the initials ZZ).",
            report.Sentence());
    }

    [Fact]
    public void A_key_under_a_header_PlanBot_does_not_know_is_found_by_names_followed_by_their_own_initials()
    {
        var plan = Grid.Import(Grid.Tsv("recovery.txt",
            "Recovery plan 2025/26",
            "Post\tHolder",
            "HoE\tHead of Estates\tMina Shah (MS)",
            "DoF\tDirector of Finance\tJohn Spicer (JSp)",
            "",
            "Ref\tAction\tDue Date\tOwner",
            "1\tSurvey the estate\t30/06/2025\tHoE (MS)",
            "2\tSet the budget\t31/07/2025\tDoF (JSp)",
            "3\tSell the old site\t31/08/2025\tHoE")).Plan!;

        Assert.Equal(["Mina Shah", "John Spicer", "Mina Shah"], plan.Milestones.Select(m => m.Owners[0].Person));
    }

    [Fact]
    public void A_tracker_with_no_key_keeps_its_owners_as_written_and_reports_no_key()
    {
        var result = Grid.Import(Grid.Tsv("plain.txt",
            "Ref\tAction\tDue Date\tOwner",
            "1\tSurvey the estate\t30/06/2025\tHoE (MS)",
            "2\tSet the budget\t31/07/2025\tAmy Ross (Ian Fell)"));

        Assert.All(result.Plan!.Milestones.SelectMany(m => m.Owners), o => Assert.Null(o.Person));
        Assert.Null(result.Summary.OwnerKey);
    }

    [Fact]
    public void The_milestone_table_itself_is_never_read_as_a_key_even_when_owners_carry_their_own_initials()
    {
        var result = Grid.Import(Grid.Tsv("initialled.txt",
            "Ref\tAction\tDue Date\tOwner\tLead",
            "1\tSurvey the estate\t30/06/2025\tMina Shah (MS)\tHoE",
            "2\tSet the budget\t31/07/2025\tJohn Spicer (JSp)\tDoF"));

        Assert.Null(result.Summary.OwnerKey);
        Assert.All(result.Plan!.Milestones.SelectMany(m => m.Owners), o => Assert.Null(o.Person));
    }
}
