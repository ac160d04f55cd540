using PlanBot.Core.People;

namespace PlanBot.Core.Tests.People;

public sealed class PmoAdminsTests
{
    private const string PatId = "33333333-3333-3333-3333-333333333333";
    private const string ConfiguredId = "44444444-4444-4444-4444-444444444444";

    private static readonly PeopleSet Everyone = new(
    [
        new Person("Pat Admin", AadObjectId: PatId, Roles: [PersonRoles.PmoAdmin]),
        new Person("Louise Mitchell", Roles: [PersonRoles.PmoAdmin]),
        new Person("Sue Graham", AadObjectId: "11111111-1111-1111-1111-111111111111"),
    ]);

    private static readonly PmoAdmins Admins = new([ConfiguredId.ToUpperInvariant(), " "]);

    [Theory]
    [InlineData(PatId)] // the people file's role, found by object id
    [InlineData(" " + PatId + " ")]
    [InlineData(ConfiguredId)] // configured, in any case
    public void An_admin_is_recognised_by_object_id_from_the_people_file_or_configuration(string objectId) =>
        Assert.True(Admins.Includes(objectId, Everyone));

    [Theory]
    [InlineData("11111111-1111-1111-1111-111111111111")] // in the people file without the role
    [InlineData("99999999-9999-9999-9999-999999999999")] // unknown
    [InlineData("Louise Mitchell")] // an admin's name is not her object id
    [InlineData("")]
    [InlineData(null)]
    public void Anyone_else_is_not_an_admin_whatever_their_name(string? objectId) =>
        Assert.False(Admins.Includes(objectId, Everyone));
}
