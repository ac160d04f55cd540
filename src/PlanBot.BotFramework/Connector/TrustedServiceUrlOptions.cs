using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Connector;

/// <summary>The service URL prefixes the bot's token may be sent to: <c>PlanBot:Bot:TrustedServiceUrls</c> (…__0, …__1).</summary>
public sealed class TrustedServiceUrlOptions
{
    public const string Section = "PlanBot:Bot";

    public List<string> TrustedServiceUrls { get; set; } = [];

    /// <summary>The configured prefixes, or the Teams endpoints when none is set.</summary>
    public IReadOnlyList<string> Prefixes()
    {
        var configured = TrustedServiceUrls.Where(url => !string.IsNullOrWhiteSpace(url)).ToList();
        return configured.Count > 0 ? configured : Connector.TrustedServiceUrls.TeamsDefaults;
    }

    public IReadOnlyList<string> Problems() =>
        [.. Prefixes().Where(url => !Connector.TrustedServiceUrls.IsUsablePrefix(url))
            .Select(url => $"{Connector.TrustedServiceUrls.ConfigurationKey} '{url}' must be an absolute https URL (http only for loopback).")];
}

internal sealed class TrustedServiceUrlOptionsValidator : IValidateOptions<TrustedServiceUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedServiceUrlOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
