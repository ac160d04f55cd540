using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// The adapter's first check after the token: an activity must come from Teams and from an allowed tenant
/// (<see cref="BotAdapterOptions.AllowedTenants"/>, else MicrosoftAppTenantId), or it is refused before any handler
/// runs. A channel token only proves the activity came through the Bot Framework for this bot's id, and anyone may
/// upload an app using that id in their own tenant. The conversation's tenant and channelData's must agree when both
/// are given. In local mode (no app id) other channels are allowed, and so is any tenant unless a list is configured.
/// Each refused tenant is logged at most once an hour.
/// </summary>
public sealed partial class TenantFilter
{
    public static readonly TimeSpan LogEvery = TimeSpan.FromHours(1);
    private const int MaxLoggedTenants = 1_000;

    private readonly BotAuthenticationOptions _authentication;
    private readonly HashSet<string> _allowed;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.OrdinalIgnoreCase);

    public TenantFilter(BotAuthenticationOptions authentication, BotAdapterOptions options, TimeProvider time, ILogger logger)
    {
        _authentication = authentication;
        _allowed = AllowedTenantsOf(authentication, options);
        _time = time;
        _logger = logger;
    }

    /// <summary>The configured tenants, or the bot's own when none are configured; may be empty.</summary>
    public static HashSet<string> AllowedTenantsOf(BotAuthenticationOptions authentication, BotAdapterOptions options)
    {
        var configured = options.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (configured.Count == 0 && !string.IsNullOrWhiteSpace(authentication.MicrosoftAppTenantId)) configured.Add(authentication.MicrosoftAppTenantId.Trim());
        return new HashSet<string>(configured, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlySet<string> AllowedTenants => _allowed;

    /// <summary>True when the activity may be handled; otherwise it is refused with 403.</summary>
    public bool Allows(Activity activity)
    {
        var local = _authentication.IsLocalMode;
        if (!local && !string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.OrdinalIgnoreCase))
        {
            Refused($"channel:{activity.ChannelId}", () => LogChannelRefused(_logger, activity.ChannelId));
            return false;
        }
        if (local && _allowed.Count == 0) return true;

        var conversationTenant = activity.Conversation?.TenantId;
        var channelDataTenant = ChannelDataTenant(activity);
        var tenant = string.IsNullOrWhiteSpace(conversationTenant) ? channelDataTenant : conversationTenant;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            Refused("tenant:", () => LogNoTenant(_logger, activity.Type));
            return false;
        }
        if (!string.IsNullOrWhiteSpace(conversationTenant) && !string.IsNullOrWhiteSpace(channelDataTenant)
            && !string.Equals(conversationTenant, channelDataTenant, StringComparison.OrdinalIgnoreCase))
        {
            Refused($"tenant:{conversationTenant}|{channelDataTenant}", () => LogTenantsDisagree(_logger, conversationTenant, channelDataTenant));
            return false;
        }
        if (_allowed.Contains(tenant)) return true;
        Refused($"tenant:{tenant}", () => LogTenantRefused(_logger, tenant, activity.Type));
        return false;
    }

    private static string? ChannelDataTenant(Activity activity)
    {
        try
        {
            return activity.ChannelData?["tenant"]?["id"]?.GetValue<string>();
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException)
        {
            return null; // not a string: treated as absent
        }
    }

    private void Refused(string key, Action log)
    {
        var now = _time.GetUtcNow();
        if (_lastLogged.TryGetValue(key, out var last) && now - last < LogEvery) return;
        if (_lastLogged.Count >= MaxLoggedTenants)
        {
            foreach (var stale in _lastLogged.Where(pair => now - pair.Value >= LogEvery).Select(pair => pair.Key).ToList()) _lastLogged.TryRemove(stale, out _);
            if (_lastLogged.Count >= MaxLoggedTenants) return; // a flood of tenants: already logged plenty this hour
        }
        _lastLogged[key] = now;
        log();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused activities from tenant {TenantId} ({ActivityType}), which is not allowed; logged at most once an hour per tenant")]
    private static partial void LogTenantRefused(ILogger logger, string tenantId, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused activities that name no tenant ({ActivityType}); logged at most once an hour")]
    private static partial void LogNoTenant(ILogger logger, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused activities whose conversation tenant {ConversationTenant} differs from channelData's {ChannelDataTenant}; logged at most once an hour")]
    private static partial void LogTenantsDisagree(ILogger logger, string conversationTenant, string channelDataTenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused activities from channel {ChannelId}: only Teams is served; logged at most once an hour")]
    private static partial void LogChannelRefused(ILogger logger, string? channelId);
}
