using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PlanBot.Core.Telemetry;
using PlanBot.Testing;
using PlanBot.Web.Telemetry;

namespace PlanBot.Web.Tests;

/// <summary>What the host emits (traces, metrics) and when it exports them.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_question_is_one_trace_tagged_with_its_activity_and_conversation_and_counts_as_an_answer_of_its_kind()
    {
        var turns = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlanBotTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = turns.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
        var answers = new ConcurrentQueue<(string Kind, double Seconds)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlanBotTelemetry.SourceName && instrument.Name is PlanBotTelemetry.AnswersName or PlanBotTelemetry.AnswerDurationName)
                listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "kind") answers.Enqueue(((string)tag.Value!, seconds));
        });
        meters.Start();

        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        var message = BotHost.Message("how many milestones are there?");
        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), message)));
        Assert.Equal("3 milestones in ODKM as at 20 Jan 2020.", reply!["text"]!.GetValue<string>());

        var turn = Assert.Single(turns, t => (string?)t.GetTagItem("planbot.activity.id") == message["id"]!.GetValue<string>());
        Assert.Equal("turn message", turn.DisplayName);
        Assert.Equal("a:1personal-sue", turn.GetTagItem("planbot.conversation.id"));
        Assert.Contains(answers, a => a.Kind == "Count" && a.Seconds > 0);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/", true)]
    public void OpenTelemetry_is_registered_only_when_an_Application_Insights_connection_string_is_set(string? connectionString, bool registered)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = connectionString })
            .Build();
        var services = new ServiceCollection();

        services.AddPlanBotTelemetry(configuration);

        Assert.Equal(registered, services.Any(s => s.ServiceType == typeof(TracerProvider)));
        Assert.Equal(registered, services.Any(s => s.ServiceType == typeof(MeterProvider)));
    }
}
