using PlanBot.Core.Questions;

namespace PlanBot.Core.Tests.Questions;

public sealed class DueWindowReaderTests
{
    // Monday 20 January 2020, the ODKM report date; financial year 2019/20.
    private static readonly DateOnly Today = new(2020, 1, 20);

    [Theory]
    [InlineData("what's due today?", "2020-01-20", "2020-01-20")]
    [InlineData("anything due tomorrow", "2020-01-21", "2020-01-21")]
    [InlineData("what's due this week", "2020-01-20", "2020-01-26")]
    [InlineData("What's due next week?", "2020-01-27", "2020-02-02")]
    [InlineData("what was due last week", "2020-01-13", "2020-01-19")]
    [InlineData("due in the next 2 weeks", "2020-01-20", "2020-02-03")]
    [InlineData("next two weeks in finance", "2020-01-20", "2020-02-03")]
    [InlineData("due within the next 10 days", "2020-01-20", "2020-01-30")]
    [InlineData("milestones due this month", "2020-01-01", "2020-01-31")]
    [InlineData("next month", "2020-02-01", "2020-02-29")]
    [InlineData("what's due in March", "2020-03-01", "2020-03-31")]
    [InlineData("due in sept", "2019-09-01", "2019-09-30")]
    [InlineData("in April 2020", "2020-04-01", "2020-04-30")]
    [InlineData("what's due in Q4", "2020-01-01", "2020-03-31")]
    [InlineData("quarter 2 items", "2019-07-01", "2019-09-30")]
    [InlineData("Q1 2020/21", "2020-04-01", "2020-06-30")]
    [InlineData("this quarter", "2020-01-01", "2020-03-31")]
    [InlineData("next quarter", "2020-04-01", "2020-06-30")]
    public void A_window_is_read_relative_to_today(string question, string from, string to)
    {
        Assert.True(DueWindowReader.TryRead(question, Today, out var window, out _));

        Assert.Equal(DateOnly.Parse(from), window.From);
        Assert.Equal(DateOnly.Parse(to), window.To);
    }

    [Theory]
    [InlineData("what's due by end of Feb", "2020-02-29", "due by the end of February 2020")]
    [InlineData("due by the end of March 2021", "2021-03-31", "due by the end of March 2021")]
    [InlineData("anything due before 31 Jan", "2020-01-30", "due before 31 Jan 2020")]
    [InlineData("due by 31st January", "2020-01-31", "due by 31 Jan 2020")]
    public void By_and_before_run_from_the_start_of_the_plan(string question, string to, string description)
    {
        Assert.True(DueWindowReader.TryRead(question, Today, out var window, out _));

        Assert.Null(window.From);
        Assert.Equal(DateOnly.Parse(to), window.To);
        Assert.Equal(description, window.Description);
    }

    [Fact]
    public void The_description_names_the_dates_for_the_answer()
    {
        Assert.True(DueWindowReader.TryRead("due next week", Today, out var window, out _));

        Assert.Equal("due next week (27 Jan – 2 Feb 2020)", window.Description);
    }

    [Fact]
    public void The_span_found_lets_the_rest_of_the_question_be_read()
    {
        const string question = "what's overdue in finance next week";

        Assert.True(DueWindowReader.TryRead(question, Today, out _, out var found));

        Assert.Equal("next week", question[found]);
    }

    [Theory]
    [InlineData("what's due in May", "2020-05-01", "2020-05-31")]
    [InlineData("what was due in May", "2019-05-01", "2019-05-31")]
    [InlineData("what did finance deliver in March", "2019-03-01", "2019-03-31")]
    [InlineData("what got done in january", "2020-01-01", "2020-01-31")]
    [InlineData("due in september", "2019-09-01", "2019-09-30")]
    [InlineData("due in June", "2020-06-01", "2020-06-30")]
    [InlineData("due in July", "2019-07-01", "2019-07-31")]
    public void A_month_without_a_year_is_the_nearest_one_or_in_the_past_tense_the_last_one(string question, string from, string to)
    {
        Assert.True(DueWindowReader.TryRead(question, Today, out var window, out _));

        Assert.Equal(DateOnly.Parse(from), window.From);
        Assert.Equal(DateOnly.Parse(to), window.To);
    }

    [Theory]
    [InlineData("what's due in 2021", "2021-01-01", "2021-12-31", "due in 2021")]
    [InlineData("anything due in 2019/20", "2019-04-01", "2020-03-31", "due in 2019/20 (1 Apr 2019 – 31 Mar 2020)")]
    [InlineData("what's due next financial year", "2020-04-01", "2021-03-31", "due in 2020/21 (1 Apr 2020 – 31 Mar 2021)")]
    [InlineData("what's due between now and the end of June", "2020-01-20", "2020-06-30", "due between 20 Jan 2020 and 30 Jun 2020")]
    [InlineData("due between now and end of the month", "2020-01-20", "2020-01-31", "due between 20 Jan 2020 and 31 Jan 2020")]
    [InlineData("what's due between October and December?", "2019-10-01", "2019-12-31", "due between 1 Oct 2019 and 31 Dec 2019")]
    [InlineData("what's due in Q1 of the new financial year?", "2020-04-01", "2020-06-30", "due in Q1 2020/21 (1 Apr – 30 Jun 2020)")]
    public void Years_financial_years_and_spans_between_two_dates_are_windows(string question, string from, string to, string description)
    {
        Assert.True(DueWindowReader.TryRead(question, Today, out var window, out _));

        Assert.Equal(DateOnly.Parse(from), window.From);
        Assert.Equal(DateOnly.Parse(to), window.To);
        Assert.Equal(description, window.Description);
    }

    [Theory]
    [InlineData("what's due by the end of this month?", "2020-01-31")]
    [InlineData("anything due by end of next month", "2020-02-29")]
    [InlineData("due before the end of the quarter", "2020-03-31")]
    [InlineData("what have I got due before christmas?", "2020-12-24")]
    public void By_the_end_of_a_period_named_from_today_runs_from_the_start_of_the_plan(string question, string to)
    {
        Assert.True(DueWindowReader.TryRead(question, Today, out var window, out _));

        Assert.Null(window.From);
        Assert.Equal(DateOnly.Parse(to), window.To);
    }

    [Theory]
    [InlineData("who owns milestone 23?")]
    [InlineData("what's overdue in finance")]
    [InlineData("what may slip")]
    [InlineData("due before 31 Feb")]
    [InlineData("Q5")]
    public void Questions_without_a_window_give_none(string question)
    {
        Assert.False(DueWindowReader.TryRead(question, Today, out _, out _));
    }
}
