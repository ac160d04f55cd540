using System.Net;
using PlanBot.Trackers.Reading;

namespace PlanBot.Web.Imports;

/// <summary>
/// Fetches a file a user attached in Teams from the short-lived, pre-authorised download URL Teams gives (a plain GET, no
/// token of ours), into a folder of its own, refusing what the CLI refuses: unknown extensions and files over
/// <see cref="TrackerFileReader.MaxFileBytes"/>. Only https is fetched, or http to this machine (local tools and tests).
/// </summary>
public sealed class TrackerFileDownloader(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "PlanBot.TrackerFiles";

    /// <summary>The file on disk, in a new folder under the temporary folder; the caller deletes the folder.</summary>
    /// <exception cref="TrackerFileException">The address, the file's type or its size is refused, or the download fails.</exception>
    public async Task<string> DownloadAsync(string downloadUrl, string fileName, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new TrackerFileException($"Teams gave no address I can download '{fileName}' from.");

        var folder = Directory.CreateTempSubdirectory("planbot-import-").FullName;
        var path = Path.Combine(folder, fileName);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                throw new TrackerFileException($"'{fileName}' could not be downloaded from Teams any more (the link has expired). Attach it again.");
            if (!response.IsSuccessStatusCode)
                throw new TrackerFileException($"'{fileName}' could not be downloaded from Teams (HTTP {(int)response.StatusCode}). Attach it again in a minute.");
            if (response.Content.Headers.ContentLength > TrackerFileReader.MaxFileBytes)
                throw TooLarge(fileName);

            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var target = File.Create(path);
            var buffer = new byte[81_920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > TrackerFileReader.MaxFileBytes) throw TooLarge(fileName);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return path;
        }
        catch (HttpRequestException e)
        {
            Directory.Delete(folder, recursive: true);
            throw new TrackerFileException($"'{fileName}' could not be downloaded from Teams. Attach it again in a minute.", e);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The attachment's name as a file name of ours: no folders, nothing a file system refuses.</summary>
    /// <exception cref="TrackerFileException">The name has no extension a tracker can have.</exception>
    public static string SafeFileName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var safe = new string(bare.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        if (safe.Length > 120) safe = safe[..60] + "…" + safe[^59..];
        if (safe.Length == 0 || !TrackerFileReader.SupportedExtensions.Contains(Path.GetExtension(safe), StringComparer.OrdinalIgnoreCase))
            throw new TrackerFileException(
                $"I can import trackers saved as {string.Join(", ", TrackerFileReader.SupportedExtensions)}; '{bare}' is not one of those.");
        return safe;
    }

    private static TrackerFileException TooLarge(string fileName) =>
        new($"'{fileName}' is over the {TrackerFileReader.MaxFileBytes / (1024 * 1024)} MB limit for tracker files.");
}
