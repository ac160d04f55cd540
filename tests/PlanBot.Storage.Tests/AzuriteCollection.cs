using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

/// <summary>One in-memory Azurite for the assembly; every test works in its own uniquely prefixed tables.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
