namespace PlanBot.Application.Chats;

/// <summary>How PlanBot reaches people in 1:1 chats it has not been messaged in (section PlanBot:PersonalChats).</summary>
public sealed class PersonalChatOptions
{
    public const string Section = "PlanBot:PersonalChats";

    /// <summary>Teams' global connector endpoint, which routes a new conversation to the user's region.</summary>
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    /// <summary>The Teams tenant whose users PlanBot messages; defaults to MicrosoftAppTenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Where to open a 1:1 chat with someone PlanBot has no stored chat with; empty turns opening new chats off (then
    /// only people who have added PlanBot get messages).
    /// </summary>
    public string? ServiceUrl { get; set; } = DefaultServiceUrl;

    public IReadOnlyList<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ServiceUrl)) return [];
        return Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.IsLoopback)
            ? []
            : [$"{Section}:{nameof(ServiceUrl)} '{ServiceUrl}' must be an absolute https URL (http only for loopback), or empty."];
    }
}
