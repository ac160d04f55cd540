namespace PlanBot.Core.Tests.Plans;

using PlanBot.Core.Plans;

public class StatusReaderTests
{
    [Theory]
    [InlineData("Red", Rag.Red)]
    [InlineData("R", Rag.Red)]
    [InlineData(" red ", Rag.Red)]
    [InlineData("Amber", Rag.Amber)]
    [InlineData("A", Rag.Amber)]
    [InlineData("Yellow", Rag.Amber)]
    [InlineData("AMBER", Rag.Amber)]
    [InlineData("Green", Rag.Green)]
    [InlineData("G", Rag.Green)]
    [InlineData("g", Rag.Green)]
    [InlineData("Blue", Rag.Blue)]
    [InlineData("B", Rag.Blue)]
    [InlineData("Completed*", Rag.Blue)]
    [InlineData("Completed", Rag.Blue)]
    public void Colour_names_and_letters_are_read(string text, Rag rag)
    {
        Assert.Equal(rag, StatusReader.ParseRag(text));
    }

    [Theory]
    [InlineData("Red/Amber", Rag.Red)]
    [InlineData("A/G", Rag.Amber)]
    [InlineData("Amber-Green", Rag.Amber)]
    [InlineData("G/A", Rag.Amber)]
    [InlineData("B/G", Rag.Green)]
    public void A_mixed_rating_reads_as_its_worse_colour(string text, Rag rag)
    {
        Assert.Equal(rag, StatusReader.ParseRag(text));
    }

    [Theory]
    [InlineData("Complete", Rag.Blue)]
    [InlineData("Achieved", Rag.Blue)]
    [InlineData("Red/Amber", Rag.Red)]
    [InlineData("Yellow", Rag.Amber)]
    [InlineData("Not complete", Rag.None)]
    [InlineData("Reset Date", Rag.None)]
    [InlineData("Delayed", Rag.None)]
    public void A_rag_column_reads_a_done_word_as_blue(string text, Rag rag)
    {
        Assert.Equal(rag, StatusReader.ParseRagColumn(text));
    }

    [Theory]
    [InlineData("No progress against action", Rag.Red)]
    [InlineData("Actions underway", Rag.Amber)]
    [InlineData("All actions in place", Rag.Green)]
    [InlineData("Completed*", Rag.Blue)]
    [InlineData("  all   ACTIONS in place ", Rag.Green)]
    public void Southend_key_phrases_are_colours(string text, Rag rag)
    {
        Assert.Equal(rag, StatusReader.ParseRag(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Complete")]
    [InlineData("Reset Date")]
    [InlineData("On-Track")]
    [InlineData("Delayed")]
    [InlineData("Red/Green/Amber")]
    [InlineData("Red/Delayed")]
    [InlineData("↔")]
    public void Status_words_in_a_rag_column_are_not_colours(string? text)
    {
        Assert.Equal(Rag.None, StatusReader.ParseRag(text));
    }

    [Theory]
    [InlineData("Complete", MilestoneStatus.Complete)]
    [InlineData("Completed", MilestoneStatus.Complete)]
    [InlineData("Done", MilestoneStatus.Complete)]
    [InlineData("Achieved", MilestoneStatus.Complete)]
    [InlineData("Closed", MilestoneStatus.Closed)]
    [InlineData("Directions Removed", MilestoneStatus.Closed)]
    [InlineData("Removed as no longer taking place. Consider approach in its place.", MilestoneStatus.Closed)]
    [InlineData("Withdrawn", MilestoneStatus.Closed)]
    [InlineData("Delayed", MilestoneStatus.Delayed)]
    [InlineData("Overdue", MilestoneStatus.Delayed)]
    [InlineData("Slippage in deadline", MilestoneStatus.Delayed)]
    [InlineData("Slippage on deadline - awaiting NHSE approval", MilestoneStatus.Delayed)]
    [InlineData("Slippage but booked for October seminar", MilestoneStatus.Delayed)]
    [InlineData("Reset Date", MilestoneStatus.Delayed)]
    [InlineData("On hold", MilestoneStatus.Delayed)]
    [InlineData("Paused", MilestoneStatus.Delayed)]
    [InlineData("At risk", MilestoneStatus.AtRisk)]
    [InlineData("Potential to miss target", MilestoneStatus.AtRisk)]
    [InlineData("Likely to miss/missed target", MilestoneStatus.AtRisk)]
    [InlineData("Not started", MilestoneStatus.NotStarted)]
    [InlineData("Not Started", MilestoneStatus.NotStarted)]
    [InlineData("On-Track", MilestoneStatus.OnTrack)]
    [InlineData("On Track", MilestoneStatus.OnTrack)]
    [InlineData("On -Track", MilestoneStatus.OnTrack)]
    [InlineData("Ongoing", MilestoneStatus.OnTrack)]
    [InlineData("On-going", MilestoneStatus.OnTrack)]
    [InlineData("Open", MilestoneStatus.OnTrack)]
    [InlineData("Live", MilestoneStatus.OnTrack)]
    [InlineData("In progress", MilestoneStatus.OnTrack)]
    [InlineData("Underway", MilestoneStatus.OnTrack)]
    public void Status_words_are_read(string status, MilestoneStatus expected)
    {
        Assert.Equal(expected, StatusReader.Normalise(status, null));
    }

    [Theory]
    [InlineData("Delayed - scheduled for conclusion end of February 2020 - see Exceptions", MilestoneStatus.Delayed)]
    [InlineData("Delayed - triangulation of system plan and CCG plan continuing during January", MilestoneStatus.Delayed)]
    [InlineData("Delayed - draft prepared will be presented to GB 4.02.2020", MilestoneStatus.Delayed)]
    [InlineData("Ongoing - triangulation gap - February 2020", MilestoneStatus.OnTrack)]
    [InlineData("Ongoing - see Exception Report V5", MilestoneStatus.OnTrack)]
    [InlineData("Complete (See note in Exceptions Report)", MilestoneStatus.Complete)]
    [InlineData("Completed submission for end of November - new Milestone added for next submission", MilestoneStatus.Complete)]
    [InlineData("Complete - new milestone added for next steps", MilestoneStatus.Complete)]
    [InlineData("Revised date requested for completion - see Exceptions V5", MilestoneStatus.Delayed)]
    [InlineData("Further revised date for completion - see Exceptions V5", MilestoneStatus.Delayed)]
    [InlineData("On-Track - annual reporting", MilestoneStatus.OnTrack)]
    [InlineData("On-Track for agreed revised date", MilestoneStatus.OnTrack)]
    [InlineData("Delayed full completion of Milestone - CPFT Baseline Review scheduled for January GB", MilestoneStatus.Delayed)]
    [InlineData("Completed - Coaching programme arranged and 1-1 sessions held", MilestoneStatus.Complete)]
    [InlineData("<b>Complete</b>", MilestoneStatus.Complete)]
    public void Earliest_status_word_in_the_seeds_sentences_decides(string status, MilestoneStatus expected)
    {
        Assert.Equal(expected, StatusReader.Normalise(status, null));
    }

    [Theory]
    [InlineData("Incomplete")]
    [InlineData("Not complete")]
    [InlineData("Not yet complete")]
    [InlineData("Date for completion to be agreed")]
    [InlineData("Delivery plan")]
    public void Words_that_only_contain_a_status_word_are_not_that_status(string status)
    {
        Assert.NotEqual(MilestoneStatus.Complete, StatusReader.Normalise(status, null));
        Assert.NotEqual(MilestoneStatus.OnTrack, StatusReader.Normalise(status, null));
    }

    [Theory]
    [InlineData("Open", "Reset Date", MilestoneStatus.Delayed)]
    [InlineData("Open", "Delayed", MilestoneStatus.Delayed)]
    [InlineData("Open", "On-Track", MilestoneStatus.OnTrack)]
    [InlineData("Open", "Open", MilestoneStatus.OnTrack)]
    [InlineData("Open", "Complete", MilestoneStatus.Complete)]
    [InlineData("Live", "Complete", MilestoneStatus.Complete)]
    [InlineData("Live", "On-Track", MilestoneStatus.OnTrack)]
    [InlineData("Closed", "Complete", MilestoneStatus.Closed)]
    [InlineData("Not Started", "Not Started", MilestoneStatus.NotStarted)]
    [InlineData("Not Started", "Delayed", MilestoneStatus.NotStarted)]
    [InlineData("", "STP AO/Chair decision to pause", MilestoneStatus.Delayed)]
    [InlineData("", "Complete", MilestoneStatus.Complete)]
    [InlineData("", "Not started", MilestoneStatus.NotStarted)]
    [InlineData(null, "On-Track", MilestoneStatus.OnTrack)]
    public void Specific_rag_column_word_overrides_an_open_status(string? status, string rag, MilestoneStatus expected)
    {
        Assert.Equal(expected, StatusReader.Normalise(status, rag));
    }

    [Theory]
    [InlineData("", "B", MilestoneStatus.Complete)]
    [InlineData("", "G", MilestoneStatus.OnTrack)]
    [InlineData("", "A", MilestoneStatus.AtRisk)]
    [InlineData("", "R", MilestoneStatus.Delayed)]
    [InlineData(null, "Yellow", MilestoneStatus.AtRisk)]
    [InlineData(null, "Completed*", MilestoneStatus.Complete)]
    [InlineData(null, "No progress against action", MilestoneStatus.Delayed)]
    [InlineData("Open", "R", MilestoneStatus.OnTrack)]
    [InlineData("Green", null, MilestoneStatus.OnTrack)]
    public void Colour_decides_only_when_no_words_do(string? status, string? rag, MilestoneStatus expected)
    {
        Assert.Equal(expected, StatusReader.Normalise(status, rag));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("Evidence in folder", "↔")]
    [InlineData("TBC", "")]
    public void Nothing_recognisable_is_unknown(string? status, string? rag)
    {
        Assert.Equal(MilestoneStatus.Unknown, StatusReader.Normalise(status, rag));
    }
}
