using Microsoft.IdentityModel.Tokens;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// A key the channel signs tokens with, and the channels it vouches for: Bot Framework's JWKS lists
/// <c>"endorsements": ["msteams", "emulator", ...]</c> on each key, so a key endorsed for one channel cannot be used to
/// pass off activities as coming from another. <see cref="Endorsements"/> is null when the key carries none.
/// </summary>
public sealed record EndorsedSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string>? Endorsements)
{
    public bool IsEndorsedFor(string? channelId) =>
        Endorsements is null || (!string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId, StringComparer.Ordinal));
}
