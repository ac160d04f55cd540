using System.Globalization;

namespace PlanBot.BotFramework.Cards;

/// <summary>A card's JSON is over the size limit; the caller should split its content over several cards.</summary>
public sealed class CardTooLargeException(int sizeBytes, int limitBytes)
    : Exception(string.Create(CultureInfo.InvariantCulture,
        $"The Adaptive Card is {sizeBytes:N0} bytes of UTF-16 JSON, over the {limitBytes:N0}-byte limit; split it into smaller cards."))
{
    public int SizeBytes { get; } = sizeBytes;
    public int LimitBytes { get; } = limitBytes;
}
