namespace PlanBot.BotFramework.Cards;

/// <summary>Action.OpenUrl. Only absolute http and https addresses are accepted, so a javascript:, data: or file: link
/// (for instance one copied from a tracker cell) can never reach a card.</summary>
public sealed class OpenUrlAction : CardAction
{
    public OpenUrlAction(string title, string url)
        : base(title) => Url = Validate(url);

    public OpenUrlAction(string title, Uri url)
        : this(title, url?.OriginalString ?? throw new ArgumentNullException(nameof(url)))
    {
    }

    public string Url { get; }

    private static string Validate(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("A card link must be an absolute http or https URL.", nameof(url));
        }

        return uri.AbsoluteUri;
    }
}
