using PlanBot.Core.Plans;

namespace PlanBot.Core.Tests.Plans;

public sealed class OwnerKeyNamesTests
{
    [Theory]
    [InlineData("CG", "Cathy Gritzner", true)]
    [InlineData("TD", "Tricia D'Orsi", true)]
    [InlineData("JGL", "Jose GarciaLobera", true)]
    [InlineData("JSp", "John Spicer", true)]
    [InlineData("AO", "J Thomas", false)]
    [InlineData("MB", "Cathy Gritzner", false)]
    [InlineData("CG", "Cathy", false)]
    public void Initials_are_a_persons_when_they_spell_the_first_letters_or_the_capitals_of_the_name(string initials, string person, bool expected) =>
        Assert.Equal(expected, OwnerKeyNames.IsInitialsOf(initials, person));

    [Theory]
    [InlineData("Cathy Gritzner", "AO (CG)", "Cathy Gritzner (AO)")]
    [InlineData("Emily Hughes", "AD C&C (EH)", "Emily Hughes (AD C&C)")]
    [InlineData("Priya Lang", "PL", "Priya Lang")]
    [InlineData("Priya Lang", "Priya Lang (PL)", "Priya Lang")]
    public void An_owner_shows_the_person_first_and_the_role_as_written_after_it(string person, string written, string shown) =>
        Assert.Equal(shown, new Owner(written, OwnerRole.Delivery, "Lead") { Person = person }.Display);

    [Fact]
    public void An_owner_no_key_names_shows_as_written() =>
        Assert.Equal("AO (CG)", new Owner("AO (CG)", OwnerRole.Delivery, "Lead").Display);
}
