using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PlanBot.People.Graph;

/// <summary>
/// Settings for searching the organisation directory through Microsoft Graph: section <c>PlanBot:Graph</c>. The
/// credential is the bot's own (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId). A class,
/// not a record, so <see cref="AccessToken"/> never appears in a generated <c>ToString</c>.
/// </summary>
public sealed class GraphDirectoryOptions
{
    public const string Section = "PlanBot:Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>False turns Graph off even where the bot has a credential (a tenant that has not granted User.Read.All).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Graph's root, up to and including the version: the national clouds' hosts, or a local fake in tests.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The token scope; by default the base URL's host with "/.default" (https://graph.microsoft.com/.default).</summary>
    public string? Scope { get; set; }

    /// <summary>
    /// A fixed bearer token, used instead of the bot's credential: for tests against a local fake, or a token obtained by
    /// hand. Never logged.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>How long one search may take, Graph's own retries (429, 503) included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// PlanBot's id in the organisation's Teams app catalog (not the manifest id): when set, PlanBot installs itself
    /// through Graph for an owner who has not added it, so a reminder can reach them.
    /// </summary>
    public string? TeamsAppCatalogId { get; set; }

    public string EffectiveScope => Scope is { Length: > 0 } scope ? scope : $"{new Uri(BaseUrl).Scheme}://{new Uri(BaseUrl).Host}/.default";

    /// <summary>
    /// Reads section <see cref="Section"/>, leaving defaults where a setting is absent; a timeout that is not a time span
    /// is kept as zero, so validation names the setting.
    /// </summary>
    internal void ReadFrom(IConfiguration configuration)
    {
        var options = this;
        var section = configuration.GetSection(Section);
        if (section[nameof(Enabled)] is { Length: > 0 } enabled)
            options.Enabled = !bool.TryParse(enabled, out var on) || on;
        if (section[nameof(BaseUrl)] is { } baseUrl && !string.IsNullOrWhiteSpace(baseUrl)) options.BaseUrl = baseUrl.Trim().TrimEnd('/');
        if (section[nameof(Scope)] is { } scopeText && !string.IsNullOrWhiteSpace(scopeText)) options.Scope = scopeText.Trim();
        // Taken verbatim: trimming could change a token.
        if (section[nameof(AccessToken)] is { Length: > 0 } token) options.AccessToken = token;
        if (section[nameof(TeamsAppCatalogId)] is { } catalogId && !string.IsNullOrWhiteSpace(catalogId)) options.TeamsAppCatalogId = catalogId.Trim();
        if (section[nameof(Timeout)] is { } timeout)
            options.Timeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var t) ? t : TimeSpan.Zero;
    }

    /// <summary>Every problem with these settings, worded for whoever edits the configuration; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            problems.Add($"{Section}:{nameof(BaseUrl)} '{BaseUrl}' is not an absolute http(s) URL.");
        else if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            problems.Add($"{Section}:{nameof(BaseUrl)} must use https (plain http is accepted only for loopback addresses, for tests).");
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
            problems.Add($"{Section}:{nameof(Timeout)} must be a time span above zero and at most 00:05:00.");
        return problems;
    }

    public override string ToString() =>
        $"Enabled={Enabled}, BaseUrl={BaseUrl}, Scope={Scope ?? "(default)"}, AccessToken={(AccessToken is null ? "(not set)" : "(set)")}, Timeout={Timeout}, TeamsAppCatalogId={TeamsAppCatalogId ?? "(not set)"}";
}
