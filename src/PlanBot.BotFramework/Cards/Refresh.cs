using System.Text.Json.Nodes;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// A card's refresh: when one of <see cref="UserIds"/> (user MRIs, "29:...") sees the card, Teams sends the Action.Execute
/// so the bot can answer with a fresh, per-user card. Teams accepts at most 60 ids; an empty list means no automatic
/// refresh (users get a manual "Refresh card" menu item), so the list is always written.
/// </summary>
public sealed class Refresh
{
    public const int MaxUserIds = 60;

    public Refresh(string verb, IEnumerable<string> userIds, JsonObject? data = null)
    {
        // A refresh is run by the client, never shown as a button, so its action needs no fallback.
        Action = new ExecuteAction("Refresh", verb, data) { Fallback = null };
        var ids = userIds?.ToList() ?? throw new ArgumentNullException(nameof(userIds));
        if (ids.Count > MaxUserIds)
        {
            throw new ArgumentException($"Teams refreshes a card automatically for at most {MaxUserIds} users; got {ids.Count}.", nameof(userIds));
        }

        if (ids.Exists(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A refresh user id cannot be empty.", nameof(userIds));
        }

        UserIds = ids;
    }

    // Typed as the base class so the JSON carries "type": "Action.Execute".
    public CardAction Action { get; }

    public IReadOnlyList<string> UserIds { get; }
}
