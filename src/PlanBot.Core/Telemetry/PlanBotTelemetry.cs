using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PlanBot.Core.Telemetry;

/// <summary>
/// Every trace source, metric and metric name PlanBot emits, in one place. The host exports them with OpenTelemetry
/// (src/PlanBot.Web/Telemetry) when Application Insights is configured; elsewhere nobody listens and they cost a check.
/// The alerts in infra/modules/alerts.bicep query these names.
/// </summary>
public static class PlanBotTelemetry
{
    public const string SourceName = "PlanBot";

    public const string AnswersName = "planbot.answers";
    public const string AnswerDurationName = "planbot.answer.duration";
    public const string RemindersName = "planbot.reminders";
    public const string ConnectorRequestsName = "planbot.connector.requests";
    public const string SweepDurationName = "planbot.sweep.duration";
    public const string SweepFailuresName = "planbot.sweep.failures";
    public const string ImportsName = "planbot.imports";

    public static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> Answers = Meter.CreateCounter<long>(AnswersName, "{answer}", "Questions answered in chat, by the kind of answer.");
    private static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>(AnswerDurationName, "s", "Time from a question's turn starting to its answer being ready to send.");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(RemindersName, "{reminder}", "Reminders by outcome: sent, given_back (tried again later) or given_up.");
    private static readonly Counter<long> ConnectorRequests = Meter.CreateCounter<long>(ConnectorRequestsName, "{request}", "Calls to the Teams connector by HTTP status; 429 is Teams throttling the app.");
    private static readonly Histogram<double> SweepDuration = Meter.CreateHistogram<double>(SweepDurationName, "s", "How long a reminder or digest sweep took, by outcome.");
    private static readonly Counter<long> SweepFailures = Meter.CreateCounter<long>(SweepFailuresName, "{sweep}", "Sweeps that failed with an error.");
    private static readonly Counter<long> Imports = Meter.CreateCounter<long>(ImportsName, "{import}", "Tracker imports by result: committed, refused (errors) or previewed.");

    public static void Answered(string kind, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        Answers.Add(1, tag);
        AnswerDuration.Record(duration.TotalSeconds, tag);
    }

    public static void RemindersSwept(int sent, int givenBack, int givenUp)
    {
        if (sent > 0) Reminders.Add(sent, new KeyValuePair<string, object?>("outcome", "sent"));
        if (givenBack > 0) Reminders.Add(givenBack, new KeyValuePair<string, object?>("outcome", "given_back"));
        if (givenUp > 0) Reminders.Add(givenUp, new KeyValuePair<string, object?>("outcome", "given_up"));
    }

    /// <param name="status">The HTTP status code, or 0 when no response came (timeout, connection failure).</param>
    public static void ConnectorAnswered(int status) =>
        ConnectorRequests.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static void Swept(string sweep, TimeSpan duration, bool failed)
    {
        var tags = new TagList { { "sweep", sweep }, { "outcome", failed ? "failed" : "completed" } };
        SweepDuration.Record(duration.TotalSeconds, tags);
        if (failed) SweepFailures.Add(1, new KeyValuePair<string, object?>("sweep", sweep));
    }

    /// <param name="result">committed, refused or previewed.</param>
    public static void Imported(string result) => Imports.Add(1, new KeyValuePair<string, object?>("result", result));
}
