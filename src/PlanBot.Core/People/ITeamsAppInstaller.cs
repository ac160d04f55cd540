namespace PlanBot.Core.People;

/// <summary>
/// Installs PlanBot as a personal app for a user who has not added it, so that the bot can open a 1:1 chat with them
/// (Microsoft Graph's teamsAppInstallation in the host; it needs TeamsAppInstallation.ReadWriteSelfForUser.All).
/// </summary>
public interface ITeamsAppInstaller
{
    /// <summary>False when installing is not permitted or not configured; <see cref="Description"/> says why.</summary>
    bool IsAvailable { get; }

    string Description { get; }

    /// <summary>Installs the app for the user with this Entra object id; an app already installed counts as installed.</summary>
    Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken = default);
}

public enum AppInstallOutcome
{
    Installed,
    AlreadyInstalled,

    /// <summary>Graph refused (no permission, app blocked by policy, unknown user) or could not be reached.</summary>
    Failed,
}

/// <summary>What an install did; <see cref="Problem"/> is a sentence safe to show the PMO (no tokens, no secrets).</summary>
public sealed record AppInstallResult(AppInstallOutcome Outcome, string? Problem = null)
{
    public bool Succeeded => Outcome is AppInstallOutcome.Installed or AppInstallOutcome.AlreadyInstalled;
}

/// <summary>Installing is not available (local mode, Graph off, no app catalog id configured).</summary>
public sealed class NoTeamsAppInstaller(string reason) : ITeamsAppInstaller
{
    public bool IsAvailable => false;

    public string Description { get; } = reason;

    public Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AppInstallResult(AppInstallOutcome.Failed, Description));
}
