using PlanBot.Testing;

namespace PlanBot.Web.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
