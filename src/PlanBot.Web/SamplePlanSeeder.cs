using Microsoft.Extensions.Options;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Web;

/// <summary>The sample plan loaded into an empty store so a local run has something to talk about.</summary>
public sealed class SamplePlanOptions
{
    public const string Section = "PlanBot:SamplePlan";

    /// <summary>Tracker file, relative to the app's folder unless absolute. Empty turns seeding off.</summary>
    public string? File { get; set; }

    public string PlanId { get; set; } = "odkm";
}

/// <summary>
/// Imports the sample plan when the store holds no plans at all, retrying while storage is still starting
/// (Azurite may come up after the host). It never overwrites a stored plan.
/// </summary>
public sealed partial class SamplePlanSeeder(
    IOptions<SamplePlanOptions> options, IPlanStore store, PlanImportService importer, ILogger<SamplePlanSeeder> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);
    private const int Attempts = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = options.Value.File;
        if (string.IsNullOrWhiteSpace(file)) return;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);

        for (var attempt = 1; attempt <= Attempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if ((await store.ListPlansAsync(stoppingToken)).Count > 0) return;
                var preview = await importer.PreviewAsync(path, new TrackerImportOptions { PlanId = options.Value.PlanId }, stoppingToken);
                if (!preview.CanCommit)
                {
                    LogSampleHasErrors(path, string.Join(Environment.NewLine, preview.Result.Errors));
                    return;
                }
                var summary = await importer.CommitAsync(preview, "sample-seeder", cancellationToken: stoppingToken);
                LogSampleImported(summary.Id, summary.MilestoneCount, path);
                return;
            }
            catch (TrackerFileException e)
            {
                LogSampleUnreadable(path, e.Message);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStorageNotReady(attempt, Attempts, e.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported the sample plan {PlanId} ({Count} milestones) from {Path}.")]
    private partial void LogSampleImported(string planId, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sample plan {Path} has errors and was not imported:\n{Errors}")]
    private partial void LogSampleHasErrors(string path, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sample plan {Path} cannot be read: {Reason}")]
    private partial void LogSampleUnreadable(string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not ready for the sample plan (attempt {Attempt} of {Attempts}): {Reason}")]
    private partial void LogStorageNotReady(int attempt, int attempts, string reason);
}
