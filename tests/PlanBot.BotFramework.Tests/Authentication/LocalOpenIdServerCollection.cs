using PlanBot.Testing.Bot;

namespace PlanBot.BotFramework.Tests.Authentication;

[CollectionDefinition(Name)]
public sealed class LocalOpenIdServerCollection : ICollectionFixture<LocalOpenIdServer>
{
    public const string Name = "Authentication: local OpenID metadata server";
}
