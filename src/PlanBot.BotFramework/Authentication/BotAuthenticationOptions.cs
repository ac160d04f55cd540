using Microsoft.Extensions.Configuration;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// The bot's identity and the Bot Framework endpoints it trusts, read from the root of configuration under the names
/// Bot Framework users already know (MicrosoftAppId, ToBotFromChannelOpenIdMetadataUrl, ...), so an existing
/// appsettings.json, a government cloud or a test can override them unchanged.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string PublicCloudOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicCloudTokenIssuer = "https://api.botframework.com";
    public const string PublicCloudOAuthScope = "https://api.botframework.com";
    public const string MultiTenantLoginUrl = "https://login.microsoftonline.com/botframework.com";
    private const string LoginUrlBase = "https://login.microsoftonline.com/";

    private string? _toChannelFromBotLoginUrl;
    private string? _unrecognisedAppType;

    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;
    public string MicrosoftAppId { get; set; } = string.Empty;
    public string MicrosoftAppPassword { get; set; } = string.Empty;
    public string MicrosoftAppTenantId { get; set; } = string.Empty;
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = PublicCloudOpenIdMetadataUrl;
    public string ToBotFromChannelTokenIssuer { get; set; } = PublicCloudTokenIssuer;
    public string ToChannelFromBotOAuthScope { get; set; } = PublicCloudOAuthScope;

    /// <summary>The authority for outbound tokens: botframework.com for multi-tenant bots, the bot's own tenant otherwise.</summary>
    public string ToChannelFromBotLoginUrl
    {
        get => _toChannelFromBotLoginUrl
            ?? (MicrosoftAppType == BotAppType.MultiTenant ? MultiTenantLoginUrl : LoginUrlBase + MicrosoftAppTenantId);
        set => _toChannelFromBotLoginUrl = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>No app id: the local-run mode of the Emulator and Agents Playground, where requests are not authenticated.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Overwrites the settings present in <paramref name="configuration"/>; absent or empty ones keep their defaults.</summary>
    internal void ReadFrom(IConfiguration configuration)
    {
        if (Read(configuration, nameof(MicrosoftAppType)) is { } appType)
        {
            // Names only, ignoring case ("UserAssignedMSI" → UserAssignedMsi); Enum.TryParse would also take numbers and
            // comma-separated lists.
            var known = Enum.GetValues<BotAppType>().Where(type => string.Equals(type.ToString(), appType, StringComparison.OrdinalIgnoreCase)).ToList();
            if (known.Count == 1)
            {
                MicrosoftAppType = known[0];
                _unrecognisedAppType = null;
            }
            else
            {
                _unrecognisedAppType = appType;
            }
        }
        MicrosoftAppId = Read(configuration, nameof(MicrosoftAppId)) ?? MicrosoftAppId;
        // Secrets are taken verbatim: trimming could change one.
        if (configuration[nameof(MicrosoftAppPassword)] is { Length: > 0 } password) MicrosoftAppPassword = password;
        MicrosoftAppTenantId = Read(configuration, nameof(MicrosoftAppTenantId)) ?? MicrosoftAppTenantId;
        ToBotFromChannelOpenIdMetadataUrl = Read(configuration, nameof(ToBotFromChannelOpenIdMetadataUrl)) ?? ToBotFromChannelOpenIdMetadataUrl;
        ToBotFromChannelTokenIssuer = Read(configuration, nameof(ToBotFromChannelTokenIssuer)) ?? ToBotFromChannelTokenIssuer;
        ToChannelFromBotOAuthScope = Read(configuration, nameof(ToChannelFromBotOAuthScope)) ?? ToChannelFromBotOAuthScope;
        if (Read(configuration, nameof(ToChannelFromBotLoginUrl)) is { } loginUrl) ToChannelFromBotLoginUrl = loginUrl;
    }

    /// <summary>The configuration problems that would stop the bot authenticating; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (_unrecognisedAppType is not null)
            problems.Add($"MicrosoftAppType '{_unrecognisedAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");

        if (IsLocalMode)
        {
            // A password without an app id is almost certainly a missing app id, which would silently turn
            // authentication off; refuse to start rather than accept unauthenticated traffic.
            if (!string.IsNullOrEmpty(MicrosoftAppPassword))
                problems.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty; set MicrosoftAppId, or remove the password to run locally without authentication.");
            return problems;
        }

        switch (MicrosoftAppType)
        {
            case BotAppType.MultiTenant:
                if (string.IsNullOrEmpty(MicrosoftAppPassword))
                    problems.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword.");
                break;
            case BotAppType.SingleTenant:
                if (string.IsNullOrEmpty(MicrosoftAppPassword))
                    problems.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword.");
                if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                    problems.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.");
                break;
            case BotAppType.UserAssignedMsi:
                // The app id is the managed identity's client id; there is no password to configure.
                if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                    problems.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.");
                break;
        }

        RequireHttpsUrl(problems, nameof(ToBotFromChannelOpenIdMetadataUrl), ToBotFromChannelOpenIdMetadataUrl);
        RequireHttpsUrl(problems, nameof(ToChannelFromBotLoginUrl), ToChannelFromBotLoginUrl);
        if (string.IsNullOrWhiteSpace(ToBotFromChannelTokenIssuer))
            problems.Add("ToBotFromChannelTokenIssuer is empty.");
        if (string.IsNullOrWhiteSpace(ToChannelFromBotOAuthScope))
            problems.Add("ToChannelFromBotOAuthScope is empty.");
        return problems;
    }

    // The password is deliberately left out: options end up in logs and exception messages.
    public override string ToString() =>
        $"MicrosoftAppType={MicrosoftAppType}, MicrosoftAppId={MicrosoftAppId}, MicrosoftAppTenantId={MicrosoftAppTenantId}, " +
        $"MicrosoftAppPassword={(string.IsNullOrEmpty(MicrosoftAppPassword) ? "(not set)" : "(set)")}, " +
        $"ToBotFromChannelOpenIdMetadataUrl={ToBotFromChannelOpenIdMetadataUrl}, ToBotFromChannelTokenIssuer={ToBotFromChannelTokenIssuer}, " +
        $"ToChannelFromBotLoginUrl={ToChannelFromBotLoginUrl}, ToChannelFromBotOAuthScope={ToChannelFromBotOAuthScope}";

    private static string? Read(IConfiguration configuration, string name) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void RequireHttpsUrl(List<string> problems, string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            problems.Add($"{name} '{value}' is not an absolute http(s) URL.");
        else if (!TrustedEndpoint.IsHttpsOrLoopback(url))
            problems.Add($"{name} must use https (plain http is accepted only for loopback addresses, for tests).");
    }
}
