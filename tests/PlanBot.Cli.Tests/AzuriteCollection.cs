using PlanBot.Testing;

namespace PlanBot.Cli.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
