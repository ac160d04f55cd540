namespace PlanBot.BotFramework.Cards;

/// <summary>
/// A paragraph of text. Built from a string the text is plain and escaped; use <see cref="Markdown"/> (or a
/// <see cref="CardText"/> made with <see cref="CardText.Markdown"/>) for our own formatting.
/// </summary>
public sealed class TextBlock(CardText text) : CardElement
{
    public CardText Text { get; } = text;
    public bool? Wrap { get; init; }
    public TextWeight? Weight { get; init; }
    public TextSize? Size { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }

    public static TextBlock Markdown(string trustedMarkdown) => new(CardText.Markdown(trustedMarkdown));
}
