namespace PlanBot.Core.Tests.Dates;

using System.Diagnostics;
using System.Globalization;
using PlanBot.Core.Dates;
using PlanBot.Core.Plans;
using Xunit.Abstractions;

// Cell values are the seeds' own unless a comment says otherwise.
public class TrackerDateParserTests(ITestOutputHelper output)
{
    private static readonly TrackerDateParser Parser = new();
    private static readonly TrackerDateParser Parser2018 = new(financialYearStart: 2018);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_cell_is_blank_with_no_revision(string? text)
    {
        var cell = Parser.Parse(text);

        Assert.Same(TrackerDate.Blank, cell.Date);
        Assert.Null(cell.Revised);
    }

    [Fact]
    public void Original_text_is_kept_trimmed()
    {
        var cell = Parser.Parse("  27-Sep-19 rev 31-Dec-19 \t");

        Assert.Equal("27-Sep-19 rev 31-Dec-19", cell.Date.Text);
    }

    [Theory]
    [InlineData("01-Apr-19", "2019-04-01")]
    [InlineData("28-Jun-19", "2019-06-28")]
    [InlineData("27-Sep-2019", "2019-09-27")]
    [InlineData("30/06/2016", "2016-06-30")]
    [InlineData("30/06/16", "2016-06-30")]
    [InlineData("30.09.2019", "2019-09-30")]
    [InlineData("12.02.19", "2019-02-12")]
    [InlineData("4.02.2020", "2020-02-04")]
    [InlineData("1.08.2018", "2018-08-01")]
    [InlineData("10/03/19", "2019-03-10")]
    [InlineData("01/11/2018", "2018-11-01")]
    [InlineData("28-01-20", "2020-01-28")]
    [InlineData("2019-09-27", "2019-09-27")]
    [InlineData("2019-09-27T00:00:00", "2019-09-27")]
    [InlineData("2019-09-27 00:00:00", "2019-09-27")]
    [InlineData("20 July 2016", "2016-07-20")]
    [InlineData("13 July 2016", "2016-07-13")]
    [InlineData("01 July 2016", "2016-07-01")]
    [InlineData("1st October 2018", "2018-10-01")]
    [InlineData("31 st October 2018", "2018-10-31")]
    [InlineData("30 th July 2018", "2018-07-30")]
    [InlineData("26 th February 2019", "2019-02-26")]
    [InlineData("9th November 2017", "2017-11-09")]
    [InlineData("31st March 2018", "2018-03-31")]
    [InlineData("27-SEP-19", "2019-09-27")]
    [InlineData("5 Sept 2019", "2019-09-05")]
    [InlineData("1st of October 2018", "2018-10-01")]
    [InlineData("July 5th 2018", "2018-07-05")]
    [InlineData("March 31, 2018", "2018-03-31")]
    public void Full_dates_are_read_day_first(string text, string expected)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Null(date.RangeStart);
        Assert.Equal(DateProblem.None, date.Problem);
        Assert.Null(date.Note);
        Assert.Equal(text, date.Text);
    }

    [Theory]
    [InlineData("01/02/03", "2003-02-01")]
    [InlineData("01-Jan-00", "2000-01-01")]
    [InlineData("31/12/69", "2069-12-31")]
    [InlineData("01/01/70", "1970-01-01")]
    [InlineData("31-Dec-99", "1999-12-31")]
    public void Two_digit_years_before_70_are_this_century(string text, string expected)
    {
        Assert.Equal(Day(expected), Parser.Parse(text).Date.Date);
    }

    [Theory]
    [InlineData("<u>31.03.2019</u>", "2019-03-31")]
    [InlineData("9<sup>th</sup> November 2017", "2017-11-09")]
    [InlineData("<b>30/06/2016</b>&nbsp;", "2016-06-30")]
    public void Html_is_stripped_before_reading_but_kept_in_the_text(string text, string expected)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Equal(text, date.Text);
        Assert.Null(date.Note);
    }

    [Theory]
    [InlineData("May-18", "2018-05-31")]
    [InlineData("Feb-20", "2020-02-29")]
    [InlineData("Feb-19", "2019-02-28")]
    [InlineData("Mar-17", "2017-03-31")]
    [InlineData("Dec-17", "2017-12-31")]
    [InlineData("Sep-18", "2018-09-30")]
    [InlineData("September 2016", "2016-09-30")]
    [InlineData("January 2018", "2018-01-31")]
    [InlineData("November 2017", "2017-11-30")]
    [InlineData("Jan 18", "2018-01-31")]
    [InlineData("Mar 2018", "2018-03-31")]
    [InlineData("Sept 2016", "2016-09-30")]
    [InlineData("sept. 2016", "2016-09-30")]
    [InlineData("JUNE 2019", "2019-06-30")]
    public void Month_and_year_means_the_end_of_that_month(string text, string expected)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Null(date.RangeStart);
        Assert.Equal(DateProblem.None, date.Problem);
    }

    [Theory]
    [InlineData("Jan 18 to March 18", "2018-01-01", "2018-03-31")]
    [InlineData("March/ April 18", "2018-03-01", "2018-04-30")]
    [InlineData("Feb/Mar 2018", "2018-02-01", "2018-03-31")]
    [InlineData("Jan/Feb 2018", "2018-01-01", "2018-02-28")]
    [InlineData("Feb/ May 2018", "2018-02-01", "2018-05-31")]
    [InlineData("Mar/ April 2018", "2018-03-01", "2018-04-30")]
    [InlineData("May 18  July 18", "2018-05-01", "2018-07-31")]
    [InlineData("April 18 Oct 18", "2018-04-01", "2018-10-31")]
    [InlineData("Feb 18  April 18  Aug 18", "2018-02-01", "2018-08-31")]
    [InlineData("Mar-May 2018", "2018-03-01", "2018-05-31")]
    [InlineData("April - June 2018", "2018-04-01", "2018-06-30")]
    [InlineData("April - Sept 18", "2018-04-01", "2018-09-30")]
    [InlineData("Feb- Aug 18", "2018-02-01", "2018-08-31")]
    [InlineData("Q4 2017/18 - Q4 2021/22", "2018-01-01", "2022-03-31")]
    [InlineData("Q1 2017/18 - Q1 2018/19", "2017-04-01", "2018-06-30")]
    [InlineData("Q3 2017/18 - Q1 2018/19", "2017-10-01", "2018-06-30")]
    [InlineData("Q2 2017/18 - Q2 2019/20", "2017-07-01", "2019-09-30")]
    [InlineData("Q1 2018/19 - Q3 2018/19", "2018-04-01", "2018-12-31")]
    [InlineData("01/04/2019 - 30/06/2019", "2019-04-01", "2019-06-30")] // not in the seeds
    [InlineData("Nov - Feb 19", "2018-11-01", "2019-02-28")] // not in the seeds: the earlier month falls in the year before
    public void Range_runs_from_the_first_day_of_its_first_part_to_the_last_day_of_its_last(string text, string start, string end)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(start), date.RangeStart);
        Assert.Equal(Day(end), date.Date);
        Assert.Equal(DateProblem.None, date.Problem);
        Assert.Null(date.Note);
    }

    [Theory]
    [InlineData("Q1 2018/19", "2018-06-30")]
    [InlineData("Q2 2018/19", "2018-09-30")]
    [InlineData("Q3 2018/19", "2018-12-31")]
    [InlineData("Q4 2018/19", "2019-03-31")]
    [InlineData("Q4 2018/2019", "2019-03-31")]
    [InlineData("Q2 FY18/19", "2018-09-30")]
    public void Lone_quarter_is_the_end_of_that_financial_quarter(string text, string expected)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Null(date.RangeStart);
    }

    [Theory]
    [InlineData("Q2 2018/20")]
    [InlineData("Q5 2018/19")]
    [InlineData("Q2 2018")]
    public void Quarter_of_something_other_than_one_financial_year_is_not_a_date(string text)
    {
        Assert.Equal(DateProblem.NotADate, Parser.Parse(text).Date.Problem);
    }

    [Theory]
    [InlineData("27-Sep-19 rev 31-Dec-19")]
    [InlineData("27-Sep-19 revised 31-Dec-19")]
    [InlineData("27-Sep-19 rev. 31-Dec-19")]
    [InlineData("27-Sep-19 Rev: 31-Dec-19")]
    [InlineData("27-Sep-19 (rev 31-Dec-19)")]
    [InlineData("27-Sep-19 - revised to 31-Dec-19")]
    public void Revision_keeps_the_original_date_and_reads_the_new_one(string text)
    {
        var cell = Parser.Parse(text);

        Assert.Equal(Day("2019-09-27"), cell.Date.Date);
        Assert.Equal(text, cell.Date.Text);
        Assert.Null(cell.Date.Note);
        Assert.NotNull(cell.Revised);
        Assert.Equal(Day("2019-12-31"), cell.Revised.Date);
        Assert.Equal("31-Dec-19", cell.Revised.Text);
    }

    [Fact]
    public void Later_of_two_revisions_is_the_revised_date()
    {
        var cell = Parser.Parse("27-Sep-19 rev 31-Dec-19 rev 31-Mar-20");

        Assert.Equal(Day("2019-09-27"), cell.Date.Date);
        Assert.Equal(Day("2020-03-31"), cell.Revised?.Date);
    }

    [Fact]
    public void Impossible_revised_date_is_flagged_on_the_revision()
    {
        var cell = Parser.Parse("27-Sep-19 rev 31-Apr-20");

        Assert.Equal(Day("2019-09-27"), cell.Date.Date);
        Assert.Equal(DateProblem.Impossible, cell.Revised?.Problem);
        Assert.Null(cell.Revised?.Date);
    }

    [Fact]
    public void Plain_date_has_no_revision()
    {
        Assert.Null(Parser.Parse("27-Sep-19").Revised);
    }

    [Theory]
    [InlineData("30/06/2016 Complete", "2016-06-30", "Complete")]
    [InlineData("10/05/2016 Complete", "2016-05-10", "Complete")]
    [InlineData("31/10/2018 - planning commenced", "2018-10-31", "planning commenced")]
    [InlineData("Feb 2018 +++", "2018-02-28", "+++")]
    [InlineData("April 2018 ++", "2018-04-30", "++")]
    [InlineData("January 2018 onwards", "2018-01-31", "onwards")]
    [InlineData("30/11/18 (01/09/18)", "2018-11-30", "01/09/18")]
    [InlineData("30/11/2018 (01/10/18)", "2018-11-30", "01/10/18")]
    [InlineData("30/06/2016 - may slip", "2016-06-30", "may slip")] // not in the seeds: "may" after a full date is a word
    public void Words_after_a_date_become_its_note(string text, string expected, string note)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Equal(note, date.Note);
        Assert.Equal(DateProblem.None, date.Problem);
        Assert.Equal(text, date.Text);
    }

    [Fact]
    public void Range_followed_by_words_keeps_the_range_and_the_words()
    {
        var date = Parser.Parse("Feb/Mar 2018 date change by Andrew Pike to April 18").Date;

        Assert.Equal(Day("2018-02-01"), date.RangeStart);
        Assert.Equal(Day("2018-03-31"), date.Date);
        Assert.Equal("date change by Andrew Pike to April 18", date.Note);
    }

    [Theory]
    [InlineData("Initial date 27-Sep-19", "2019-09-27")]
    [InlineData("Initial date 30-Aug-19", "2019-08-30")]
    [InlineData("n/a - new Milestone 57 added. Date for completion 31-Mar-2020", "2020-03-31")]
    [InlineData("The NWAFT Contract was agreed on 19.10.2019", "2019-10-19")]
    [InlineData("Approved by NHSE on 1.08.2018", "2018-08-01")]
    [InlineData("Month 6 Update (for GB 6.11.2018)", "2018-11-06")]
    [InlineData("Date set for GB approval 28-01-20", "2020-01-28")]
    [InlineData("Leadership Summit taking place 22 nd November 2017.", "2017-11-22")]
    public void One_full_date_in_a_sentence_is_read_and_the_sentence_kept_as_note(string text, string expected)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Equal(text, date.Note);
        Assert.Equal(DateProblem.None, date.Problem);
    }

    [Fact]
    public void Full_date_later_in_the_text_beats_a_yearless_month_at_the_front()
    {
        // Not in the seeds: "March" alone would need a plan year; the sentence states the date in full.
        var date = Parser.Parse("March GB approved it on 28/03/2018").Date;

        Assert.Equal(Day("2018-03-28"), date.Date);
        Assert.Equal("March GB approved it on 28/03/2018", date.Note);
    }

    [Theory]
    [InlineData("Initial date Sep-20")]
    [InlineData("Work commenced, workshop held 13 June")]
    [InlineData("Delivered by the team in 2019")]
    public void Only_full_dates_and_deadlines_after_by_are_picked_out_of_sentences(string text)
    {
        var date = Parser.Parse(text).Date;

        Assert.Null(date.Date);
        Assert.Equal(DateProblem.NotADate, date.Problem);
    }

    [Theory]
    [InlineData("In post by March 2018", "2018-03-31")]
    [InlineData("Proposed to be running by end of Nov 2019", "2019-11-30")]
    [InlineData("Business case to Cabinet by Summer 2018", "2018-08-31")]
    public void A_deadline_after_by_in_a_sentence_is_the_end_of_that_period(string text, string expected)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Equal(text, date.Text);
    }

    [Fact]
    public void Two_different_deadlines_after_by_are_not_guessed()
    {
        Assert.Null(Parser.Parse("Draft by March 2018, final by June 2018").Date.Date);
    }

    [Theory]
    [InlineData("Spring 2018", "2018-03-01", "2018-05-31")]
    [InlineData("Summer 2017", "2017-06-01", "2017-08-31")]
    [InlineData("summer 18", "2018-06-01", "2018-08-31")]
    [InlineData("Autumn 2019", "2019-09-01", "2019-11-30")]
    [InlineData("Winter 2019", "2019-12-01", "2020-02-29")]
    [InlineData("Winter 2017/18", "2017-12-01", "2018-02-28")]
    [InlineData("End of Summer 2018", "2018-06-01", "2018-08-31")]
    public void A_season_is_the_end_of_its_three_months(string text, string start, string end)
    {
        var date = Parser.Parse(text).Date;

        Assert.Equal(Day(end), date.Date);
        Assert.Null(date.RangeStart);
        Assert.Equal(Day(start), Parser.Parse(text + " - " + "Winter 2030").Date.RangeStart);
    }

    [Theory]
    [InlineData("Summer")]
    [InlineData("Winter 2017/19")]
    public void A_season_without_its_year_is_not_a_date(string text)
    {
        Assert.Equal(DateProblem.NotADate, Parser2018.Parse(text).Date.Problem);
    }

    [Theory]
    [InlineData("Ongoing", null)]
    [InlineData("On-going", null)]
    [InlineData("on going", null)]
    [InlineData("BAU", null)]
    [InlineData("Ongoing (Start in June)", "2018-06-30")]
    [InlineData("Ongoing (Start in October)", "2018-10-31")]
    public void Ongoing_work_has_no_deadline_and_keeps_the_start_it_gives(string text, string? start)
    {
        var cell = Parser2018.Parse(text);

        Assert.Null(cell.Date.Date);
        Assert.Equal(DateProblem.NoDeadline, cell.Date.Problem);
        Assert.Equal(text, cell.Date.Text);
        Assert.Equal(start is null ? null : Day(start), cell.Start?.Date);
    }

    [Theory]
    [InlineData("Oct (Start date)", "2018-10-31")]
    [InlineData("July (Start date)", "2018-07-31")]
    [InlineData("01/09/2018 - start", "2018-09-01")]
    public void A_date_that_gives_only_the_start_has_no_deadline(string text, string start)
    {
        var cell = Parser2018.Parse(text);

        Assert.Equal((null, DateProblem.NoDeadline), (cell.Date.Date, cell.Date.Problem));
        Assert.Equal(Day(start), cell.Start?.Date);
    }

    [Fact]
    public void Sentence_with_two_different_dates_is_not_guessed()
    {
        var date = Parser.Parse("Finalised for IPAC 28.10.2019. then to GB on 5.11.2019 for ratification").Date;

        Assert.Null(date.Date);
        Assert.Equal(DateProblem.NotADate, date.Problem);
    }

    [Fact]
    public void Same_date_twice_in_a_sentence_is_one_date()
    {
        Assert.Equal(Day("2019-10-19"), Parser.Parse("Agreed 19.10.2019 (signed 19/10/2019)").Date.Date);
    }

    [Fact]
    public void Paragraph_numbers_in_a_sentence_are_not_dates()
    {
        Assert.Equal(DateProblem.NotADate, Parser.Parse("See section 1.3.1.10 of the plan").Date.Problem);
    }

    [Theory]
    [InlineData("29-Feb-19")]
    [InlineData("31/04/2019")]
    [InlineData("32-Jan-20")]
    [InlineData("30/13/2019")]
    [InlineData("00/01/2019")]
    [InlineData("2019-02-30")]
    [InlineData("31-Apr")]
    [InlineData("Q1 2018/19 - 31/02/2019")]
    public void Impossible_date_is_flagged_not_guessed(string text)
    {
        var date = Parser.Parse(text).Date;

        Assert.Null(date.Date);
        Assert.Equal(DateProblem.Impossible, date.Problem);
        Assert.Equal(text, date.Text);
    }

    [Fact]
    public void Impossible_date_in_a_sentence_is_flagged_with_the_sentence()
    {
        var date = Parser.Parse("Initial date 31-Sep-19").Date;

        Assert.Equal(DateProblem.Impossible, date.Problem);
        Assert.Equal("Initial date 31-Sep-19", date.Note);
    }

    [Fact]
    public void Impossible_date_keeps_its_note()
    {
        var date = Parser.Parse("31/04/2019 Complete").Date;

        Assert.Equal(DateProblem.Impossible, date.Problem);
        Assert.Equal("Complete", date.Note);
    }

    [Theory]
    [InlineData("24-May")]
    [InlineData("30-Sep")]
    [InlineData("28-Feb")]
    [InlineData("29-Feb")]
    [InlineData("1st Oct")]
    [InlineData("July 5th")]
    [InlineData("11th May")]
    [InlineData("Aug 8th")]
    [InlineData("Mar 10th")]
    [InlineData("12th Feb")]
    [InlineData("01-Sep")]
    [InlineData("Oct - Dec")]
    public void Day_or_month_without_a_year_is_missing_its_year_when_the_plan_year_is_unknown(string text)
    {
        var date = Parser.Parse(text).Date;

        Assert.Null(date.Date);
        Assert.Equal(DateProblem.MissingYear, date.Problem);
        Assert.Equal(text, date.Text);
    }

    [Theory]
    [InlineData("24-May", "2018-05-24")]
    [InlineData("30-Sep", "2018-09-30")]
    [InlineData("03-Dec", "2018-12-03")]
    [InlineData("28-Feb", "2019-02-28")]
    [InlineData("31-Mar", "2019-03-31")]
    [InlineData("1st Oct", "2018-10-01")]
    [InlineData("July 5th", "2018-07-05")]
    [InlineData("11th May", "2018-05-11")]
    [InlineData("Aug 8th", "2018-08-08")]
    [InlineData("Mar 10th", "2019-03-10")]
    [InlineData("12th April", "2018-04-12")]
    [InlineData("Jan 5", "2019-01-05")] // not in the seeds: a single digit after a month is a day, never a year
    public void Day_and_month_fall_in_the_plans_financial_year(string text, string expected)
    {
        var date = Parser2018.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Equal(DateProblem.None, date.Problem);
    }

    [Theory]
    [InlineData("Oct (planned)", "2018-10-31", "planned")]
    [InlineData("Feb", "2019-02-28", null)]
    public void Month_without_a_year_is_the_end_of_that_month_in_the_plans_financial_year(string text, string expected, string? note)
    {
        var date = Parser2018.Parse(text).Date;

        Assert.Equal(Day(expected), date.Date);
        Assert.Equal(note, date.Note);
    }

    [Fact]
    public void Yearless_range_falls_in_the_plans_financial_year()
    {
        var date = Parser2018.Parse("Jan/Feb").Date;

        Assert.Equal(Day("2019-01-01"), date.RangeStart);
        Assert.Equal(Day("2019-02-28"), date.Date);
    }

    [Fact]
    public void Leap_day_without_a_year_exists_only_in_a_leap_plan_year()
    {
        Assert.Equal(Day("2020-02-29"), new TrackerDateParser(2019).Parse("29-Feb").Date.Date);
        Assert.Equal(DateProblem.Impossible, Parser2018.Parse("29-Feb").Date.Problem);
    }

    [Fact]
    public void Plan_year_does_not_override_a_year_the_cell_states()
    {
        Assert.Equal(Day("2016-06-30"), Parser2018.Parse("30/06/2016").Date.Date);
    }

    [Theory]
    [InlineData("Immediate")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("To be agreed")]
    [InlineData("Date to be agreed")]
    [InlineData("Changed to Ongoing")]
    [InlineData("Dependant on NHSE Stage II")]
    [InlineData("Individual plan milestones")]
    [InlineData("TBD")]
    [InlineData("Not applicable.")]
    [InlineData("01/09")]
    [InlineData("03/17")]
    [InlineData("11/17")]
    [InlineData("2019 - 2021")]
    [InlineData("2018/19")]
    [InlineData("Overdue")]
    [InlineData("<br/>")]
    public void Text_that_is_not_a_date_says_so(string text)
    {
        var date = Parser.Parse(text).Date;

        Assert.Null(date.Date);
        Assert.Null(date.RangeStart);
        Assert.Equal(DateProblem.NotADate, date.Problem);
        Assert.Equal(text, date.Text);
    }

    [Fact]
    public void Words_that_start_like_months_are_not_months()
    {
        Assert.Equal(DateProblem.NotADate, Parser2018.Parse("Marketing plan").Date.Problem);
        Assert.Equal(DateProblem.NotADate, Parser2018.Parse("Decision pending").Date.Problem);
    }

    // Every value named in this file's tests, parsed repeatedly: a smoke test that the parser is stateless and
    // never throws. The time is written to the test output for a human to read; it is not asserted on.
    [Fact]
    public void Parsing_many_cells_is_stable()
    {
        string?[] inputs =
        [
            null, "", "01-Apr-19", "27-Sep-2019", "30/06/2016", "30/06/16", "30.09.2019", "12.02.19", "4.02.2020",
            "2019-09-27", "2019-09-27T00:00:00", "20 July 2016", "13 July 2016", "1st October 2018", "31 st October 2018",
            "9th November 2017", "May-18", "Feb-20", "September 2016", "January 2018", "Jan 18", "Mar 2018",
            "Jan 18 to March 18", "March/ April 18", "Feb/Mar 2018", "May 18  July 18", "Mar-May 2018", "April - June 2018",
            "Feb- Aug 18", "Q4 2017/18 - Q4 2021/22", "Q1 2017/18 - Q1 2018/19", "Q3 2017/18 - Q1 2018/19", "Q2 2018/19",
            "27-Sep-19 rev 31-Dec-19", "30/06/2016 Complete", "31/10/2018 - planning commenced", "Feb 2018 +++",
            "January 2018 onwards", "30/11/18 (01/09/18)", "Oct (Start date)", "Initial date 27-Sep-19",
            "n/a - new Milestone 57 added. Date for completion 31-Mar-2020", "The NWAFT Contract was agreed on 19.10.2019",
            "29-Feb-19", "31/04/2019", "32-Jan-20", "30/13/2019", "24-May", "30-Sep", "28-Feb", "1st Oct", "July 5th",
            "11th May", "Aug 8th", "July (Start date)", "Ongoing", "On-going", "Ongoing (Start in June)", "Immediate", "NA",
            "n/a", "To be agreed", "Changed to Ongoing", "Dependant on NHSE Stage II", "Individual plan milestones",
            "Summer 2018", "<u>31.03.2019</u>", "Feb 18  April 18  Aug 18",
            "Finalised for IPAC 28.10.2019. then to GB on 5.11.2019 for ratification",
        ];
        var parsers = new[] { Parser, Parser2018 };
        var expected = inputs.Select(i => parsers.Select(p => p.Parse(i)).ToArray()).ToArray();

        const int rounds = 2_000;
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                for (var p = 0; p < parsers.Length; p++)
                    Assert.Equal(expected[i][p], parsers[p].Parse(inputs[i]));
            }
        }

        stopwatch.Stop();
        var calls = rounds * inputs.Length * parsers.Length;
        output.WriteLine($"{calls} parses in {stopwatch.ElapsedMilliseconds} ms (including assertions): "
            + $"{stopwatch.Elapsed.TotalMicroseconds / calls:0.00} µs each");
    }
}
