using PlanBot.Core.Digests;
using PlanBot.Core.People;

namespace PlanBot.Core.Tests.Digests;

public sealed class DigestRequestReaderTests
{
    [Theory]
    [InlineData("digest now", "")]
    [InlineData("Digest", "")]
    [InlineData("show me this week's digest", "")]
    [InlineData("send me the digest now", "")]
    [InlineData("send me the weekly digest now", "")]
    [InlineData("weekly digest for Finance", "Finance")]
    [InlineData("digest now for Finance and CFO", "Finance|CFO")]
    [InlineData("digest for Delivery, Quality", "Delivery|Quality")]
    public void A_digest_asked_for_now_is_read_with_its_areas_as_written(string text, string areas)
    {
        var request = DigestRequestReader.TryRead(text);

        Assert.Equal(DigestRequestKind.Now, request?.Kind);
        Assert.Equal(areas.Length == 0 ? [] : areas.Split('|'), request!.Areas);
    }

    [Theory]
    [InlineData("send me the weekly digest", "", DayOfWeek.Monday, "08:00")]
    [InlineData("subscribe me to the digest", "", DayOfWeek.Monday, "08:00")]
    [InlineData("digest for Finance every Friday", "Finance", DayOfWeek.Friday, "08:00")]
    [InlineData("Digest for Finance and CFO every friday at 7:30am.", "Finance|CFO", DayOfWeek.Friday, "07:30")]
    [InlineData("send me the weekly digest on Tuesdays at 17:15", "", DayOfWeek.Tuesday, "17:15")]
    [InlineData("weekly digest for Urgent care every week at 9am", "Urgent care", DayOfWeek.Monday, "09:00")]
    [InlineData("digest every Wed at noon", "", DayOfWeek.Wednesday, "12:00")]
    [InlineData("digest on sunday at 12am", "", DayOfWeek.Sunday, "00:00")]
    [InlineData("digest every thurs at 8.45pm", "", DayOfWeek.Thursday, "20:45")]
    public void A_subscription_for_oneself_is_read_with_areas_and_schedule(string text, string areas, DayOfWeek day, string at)
    {
        var request = DigestRequestReader.TryRead(text);

        Assert.Equal(DigestRequestKind.Subscribe, request?.Kind);
        Assert.Null(request!.Role);
        Assert.Null(request.Problem);
        Assert.Equal(areas.Length == 0 ? [] : areas.Split('|'), request.Areas);
        Assert.Equal(new DigestSchedule(day, TimeOnly.Parse(at)), request.Schedule ?? DigestSchedule.Default);
    }

    [Theory]
    [InlineData("send the weekly digest to chairs", PersonRoles.Chair, "", "Monday 08:00")]
    [InlineData("subscribe all directors to the digest every Monday at 7am", PersonRoles.Director, "", "Monday 07:00")]
    [InlineData("send the chair the weekly digest for Finance on Fridays", PersonRoles.Chair, "Finance", "Friday 08:00")]
    public void A_subscription_for_a_role_names_the_role(string text, string role, string areas, string schedule)
    {
        var request = DigestRequestReader.TryRead(text);

        Assert.Equal(DigestRequestKind.Subscribe, request?.Kind);
        Assert.Equal(role, request!.Role);
        Assert.Equal(areas.Length == 0 ? [] : areas.Split('|'), request.Areas);
        var read = request.Schedule ?? DigestSchedule.Default;
        Assert.Equal(schedule, $"{read.Day} {read.At:HH:mm}");
    }

    [Theory]
    [InlineData("digest every Friday at 25pm", "25pm")]
    [InlineData("digest every Friday at 13pm", "13pm")]
    [InlineData("digest every Friday at 8:75", "8:75")]
    public void A_time_that_does_not_exist_is_a_problem_naming_it(string text, string time)
    {
        var request = DigestRequestReader.TryRead(text);

        Assert.Equal(DigestRequestKind.Subscribe, request?.Kind);
        Assert.Contains($"\"{time}\"", request!.Problem);
    }

    [Theory]
    [InlineData("stop the digest", null)]
    [InlineData("Unsubscribe me from the weekly digest", null)]
    [InlineData("no more digests please", null)]
    [InlineData("stop the digest for chairs", PersonRoles.Chair)]
    [InlineData("cancel the directors' digest", PersonRoles.Director)]
    public void Stopping_is_read_with_the_role_if_any(string text, string? role)
    {
        var request = DigestRequestReader.TryRead(text);

        Assert.Equal(DigestRequestKind.Unsubscribe, request?.Kind);
        Assert.Equal(role, request!.Role);
    }

    [Theory]
    [InlineData("my digests")]
    [InlineData("who gets the digest")]
    [InlineData("digest subscriptions")]
    public void Listing_subscriptions_is_told_apart(string text) =>
        Assert.Equal(DigestRequestKind.ListSubscriptions, DigestRequestReader.TryRead(text)?.Kind);

    [Theory]
    [InlineData("what's overdue")]
    [InlineData("who owns the digest milestone")]
    [InlineData("is the digest milestone late")]
    public void Other_text_is_not_a_digest_request(string text) => Assert.Null(DigestRequestReader.TryRead(text));

    [Theory]
    [InlineData(8, 0, "every Monday at 8am")]
    [InlineData(17, 30, "every Monday at 5:30pm")]
    [InlineData(12, 0, "every Monday at noon")]
    [InlineData(0, 5, "every Monday at 12:05am")]
    public void A_schedule_describes_itself_in_twelve_hour_time(int hour, int minute, string described) =>
        Assert.Equal(described, new DigestSchedule(DayOfWeek.Monday, new TimeOnly(hour, minute)).Describe());
}
