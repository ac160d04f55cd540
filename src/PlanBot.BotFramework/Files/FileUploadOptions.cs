using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Files;

/// <summary>Uploads of files users accepted on a file consent card, section PlanBot:Bot:FileUploads.</summary>
public sealed class FileUploadOptions
{
    public const string Section = "PlanBot:Bot:FileUploads";

    /// <summary>OneDrive wants every byte range but the last to be a multiple of 320 KiB.</summary>
    public const int ChunkUnit = 320 * 1024;

    /// <summary>OneDrive refuses a single request of 60 MiB or more.</summary>
    public const int MaxRequestBytes = 60 * 1024 * 1024;

    /// <summary>
    /// Bytes per PUT: 10 × 320 KiB (3.125 MiB). Microsoft suggests 5–10 MiB on fast links; smaller chunks lose less when
    /// a request fails and keep each request well inside <see cref="RequestTimeout"/>, and a board pack is rarely bigger.
    /// </summary>
    public int ChunkSize { get; set; } = 10 * ChunkUnit;

    /// <summary>Tries per byte range, the first included, when OneDrive answers 5xx or 429 or the connection drops.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first pause before a retry; each further retry doubles it.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause; a Retry-After asking for more is capped to it.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Hosts, or domains whose subdomains are allowed, that an upload URL may point at (PlanBot:Bot:FileUploads:AllowedHosts:0=…).
    /// Empty means OneDrive's and SharePoint's domain in the cloud the bot's channel tokens come from: sharepoint.com
    /// (public cloud and GCC), sharepoint.us, sharepoint.cn. A loopback host listed by name may also be used over http.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The SharePoint domain of the cloud whose channel token issuer is <paramref name="tokenIssuer"/>.</summary>
    public static string SharePointDomainFor(string? tokenIssuer) => tokenIssuer switch
    {
        { } issuer when issuer.Contains("botframework.azure.cn", StringComparison.OrdinalIgnoreCase) => "sharepoint.cn",
        { } issuer when issuer.Contains("botframework.us", StringComparison.OrdinalIgnoreCase) => "sharepoint.us",
        _ => "sharepoint.com",
    };

    /// <summary>How long one PUT may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ChunkSize <= 0 || ChunkSize % ChunkUnit != 0 || ChunkSize >= MaxRequestBytes)
            problems.Add($"{Section}:{nameof(ChunkSize)} must be a multiple of {ChunkUnit} bytes (320 KiB) below 60 MiB.");
        if (MaxAttempts is < 1 or > 10) problems.Add($"{Section}:{nameof(MaxAttempts)} must be from 1 to 10.");
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay) problems.Add($"{Section}: BaseDelay must be positive and MaxDelay at least BaseDelay.");
        if (RequestTimeout <= TimeSpan.Zero) problems.Add($"{Section}:{nameof(RequestTimeout)} must be positive.");
        return problems;
    }
}

internal sealed class FileUploadOptionsValidator : IValidateOptions<FileUploadOptions>
{
    public ValidateOptionsResult Validate(string? name, FileUploadOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
