using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Questions about a tracker's other columns, on an invented capital programme whose headers PlanBot has no word for:
/// "Cost (£000)", "Escalate?", "Dur.", a percent complete, and baseline and forecast dates. Today is 20 Jan 2020.
/// </summary>
public sealed class ColumnQuestionTests
{
    private static Milestone Row(string reference, string title, MilestoneStatus status, string? due, string? forecast = null, double? percent = null,
        bool noBaseline = false, params (string Header, string Value)[] cells) =>
        M(reference, title, status, due: due, revised: forecast) with
        {
            PercentComplete = percent,
            NoBaselineDue = noBaseline,
            OtherFields = cells.ToDictionary(c => c.Header, c => c.Value),
        };

    private static PlanIndex Capital() => new(new Plan
    {
        Id = "capital",
        Name = "Capital programme",
        Milestones =
        [
            Row("C1", "Boiler replacement", MilestoneStatus.Complete, "2019-10-31", percent: 100, cells: [("Cost (£000)", "120"), ("Escalate?", "No"), ("Dur.", "20 days")]),
            Row("C2", "Roof survey signed off", MilestoneStatus.OnTrack, "2019-12-20", forecast: "2020-03-31", percent: 60,
                cells: [("Cost (£000)", "300"), ("Escalate?", "Yes"), ("Dur.", "0 days")]),
            Row("C3", "New wing design", MilestoneStatus.Delayed, "2020-01-10", percent: 20, cells: [("Cost (£000)", "1,250"), ("Escalate?", "Yes"), ("Dur.", "3w")]),
            Row("C4", "Planning consent granted", MilestoneStatus.NotStarted, "2020-06-30", percent: 0, noBaseline: true, cells: [("Escalate?", "No"), ("Dur.", "0d")]),
            Row("C5", "Car park resurfacing", MilestoneStatus.OnTrack, "2020-04-30", cells: [("Cost (£000)", "80"), ("Escalate?", "No"), ("Dur.", "10 days")]),
        ],
    }, "v1");

    [Fact]
    public void An_amount_in_pounds_is_compared_with_a_column_written_in_thousands()
    {
        var answer = Capital().Ask("how many items cost more than £250k?");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(["C2", "C3"], answer.SortedRefs());
    }

    [Fact]
    public void A_plain_number_is_read_in_the_columns_own_unit() =>
        Assert.Equal(["C1", "C5"], Capital().Ask("which items have a cost under 200").SortedRefs());

    [Fact]
    public void A_number_written_in_full_or_after_a_pound_sign_is_an_amount_of_money()
    {
        var index = Capital();

        Assert.Equal(["C3"], index.Ask("which items cost over 1,000,000?").SortedRefs());
        Assert.Equal(["C3"], index.Ask("which items cost more than £1m").SortedRefs());
        Assert.Equal(["C1", "C2", "C3", "C5"], index.Ask("which items cost over £500").SortedRefs());
    }

    [Fact]
    public void A_blank_in_the_column_asked_about_is_reported_not_dropped()
    {
        var answer = Capital().Ask("which items cost over £100k");

        Assert.Equal(["C1", "C2", "C3"], answer.SortedRefs());
        Assert.Contains("1 milestone with no Cost (£000) given", answer.Text);
    }

    [Fact]
    public void Milestones_with_nothing_in_a_column_are_listed_when_asked() =>
        Assert.Equal(["C4"], Capital().Ask("which items have no cost given?").SortedRefs());

    [Fact]
    public void A_tick_column_is_read_by_its_header_and_the_word_ticked()
    {
        var index = Capital();

        Assert.Equal(["C2", "C3"], index.Ask("how many have the Escalate box ticked?").SortedRefs());
        Assert.Equal(["C1", "C4", "C5"], index.Ask("which have escalate not ticked").SortedRefs());
        Assert.Equal(["C2", "C3"], index.Ask("which have Escalate set to yes").SortedRefs());
    }

    [Fact]
    public void Zero_day_tasks_are_read_from_a_duration_column_in_any_unit()
    {
        var index = Capital();

        Assert.Equal(["C2", "C4"], index.Ask("how many 0-day milestones are there?").SortedRefs());
        Assert.Equal(["C2", "C4"], index.Ask("which of the zero day tasks are still open").SortedRefs());
        Assert.Equal(["C1", "C3"], index.Ask("tasks more than 10 days long").SortedRefs());
    }

    [Fact]
    public void A_number_of_days_in_a_window_is_not_read_as_a_duration()
    {
        var reading = Capital().Read("what's due in the next 30 days");

        Assert.NotNull(reading.Filter.Window);
        Assert.Empty(reading.Filter.Sets);
    }

    [Fact]
    public void A_percentage_compares_the_percent_complete()
    {
        var index = Capital();

        Assert.Equal(["C4"], index.Ask("which tasks are still on 0%?").SortedRefs());
        Assert.Equal(["C1"], index.Ask("how many are 100% complete").SortedRefs());
        Assert.Equal(["C3", "C4"], index.Ask("which are under 25 percent done").SortedRefs());
    }

    [Fact]
    public void More_than_half_done_but_not_complete_is_over_fifty_percent_and_open()
    {
        var answer = Capital().Ask("which are more than half done but not complete?");

        Assert.Equal(["C2"], answer.SortedRefs());
        Assert.Contains("1 milestone with no % Complete given", answer.Text);
    }

    [Fact]
    public void Past_the_baseline_means_open_and_the_original_date_gone_by_even_when_the_forecast_is_later()
    {
        var index = Capital();

        Assert.Equal(["C2", "C3"], index.Ask("which have gone past their baseline date?").SortedRefs());
        Assert.Equal(["C2", "C3"], index.Ask("how many have missed their planned date").SortedRefs());
        // Against the forecast only C3 is late: C2 is forecast for March.
        Assert.Equal(["C3"], index.Ask("anything overdue against forecast?").SortedRefs());
    }

    [Fact]
    public void No_baseline_finish_finds_a_milestone_dated_only_by_its_forecast()
    {
        var answer = Capital().Ask("which tasks have no baseline finish?");

        Assert.Equal(["C4"], answer.SortedRefs());
        Assert.Contains("with no baseline date", answer.Text);
    }

    [Fact]
    public void A_forecast_later_than_the_baseline_compares_the_two_dates() =>
        Assert.Equal(["C2"], Capital().Ask("which milestones have a revised end later than the planned end?").SortedRefs());

    [Fact]
    public void Slipped_from_the_baseline_and_finishing_later_than_planned_compare_the_forecast_with_the_baseline()
    {
        var index = Capital();

        Assert.Equal(["C2"], index.Ask("which have slipped from their baseline?").SortedRefs());
        Assert.Equal(["C2"], index.Ask("which tasks are finishing later than baseline").SortedRefs());
        Assert.Equal(["C2"], index.Ask("which have a forecast date different from the baseline?").SortedRefs());
        Assert.Contains("with a revised end later than the planned end", index.Ask("which have a revised end later than the planned end").Text);
    }

    [Fact]
    public void Or_more_and_or_less_after_a_number_widen_it()
    {
        var index = Capital();

        Assert.Equal(["C1", "C2"], index.Ask("which are 60% or more complete?").SortedRefs());
        Assert.Equal(["C1", "C5"], index.Ask("which items have a cost of 120 or less").SortedRefs());
    }

    [Fact]
    public void Partly_done_is_started_and_not_at_100_percent() =>
        Assert.Equal(["C2", "C3"], Capital().Ask("which tasks are partly done?").SortedRefs());

    [Fact]
    public void Days_overdue_are_not_read_as_a_duration()
    {
        var reading = Capital().Read("which tasks are more than 5 days overdue?");

        Assert.DoesNotContain(reading.Filter.Sets, set => set.Description.Contains("duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_window_on_a_named_date_column_counts_every_milestone_dated_in_it_done_or_not()
    {
        var index = Capital();

        // C1's baseline was October; C2's baseline was December though its forecast is March.
        Assert.Equal(["C1"], index.Ask("which items have a baseline date in October?").SortedRefs());
        Assert.Equal(["C2"], index.Ask("which items have a planned finish in December 2019?").SortedRefs());
        Assert.Equal(["C2"], index.Ask("which items have a forecast date in March?").SortedRefs());
    }

    [Fact]
    public void On_the_forecast_dates_is_how_a_window_is_read_anyway() =>
        Assert.Equal(["C2"], Capital().Ask("what's due in March on the forecast dates?").SortedRefs());

    [Fact]
    public void A_header_word_without_a_tick_word_is_left_to_the_rest_of_the_question() =>
        Assert.Equal(["C3"], Capital().Ask("which ones are delayed").SortedRefs());

    [Fact]
    public void A_plan_without_such_columns_does_not_read_the_words_as_a_column()
    {
        var plain = Index(M("1", "Open the clinic", due: "2020-03-31"));

        Assert.Equal(QuestionKind.NotUnderstood, plain.Ask("how many have a budget over £100k").Kind);
        Assert.Equal(QuestionKind.NotUnderstood, plain.Ask("which are still on 0%?").Kind);
    }
}
