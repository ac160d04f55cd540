using Microsoft.Extensions.Options;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>Every section is checked when the host starts, and each problem names its setting and what is wrong with it.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SettingsValidationTests(AzuriteFixture azurite)
{
    [Fact]
    public void Unusable_reminder_sweep_settings_stop_the_host_naming_each_setting()
    {
        var failures = StartFailures(new()
        {
            ["PlanBot:Reminders:SweepInterval"] = "00:00:00.5",
            ["PlanBot:Reminders:MaxAttempts"] = "0",
            ["PlanBot:Reminders:GroupAbove"] = "51",
        });

        Assert.Equal(
        [
            "PlanBot:Reminders:SweepInterval must be from 00:00:01 to 01:00:00.",
            "PlanBot:Reminders:MaxAttempts must be from 1 to 100.",
            "PlanBot:Reminders:GroupAbove must be from 0 to 50.",
        ], failures);
    }

    [Fact]
    public void Unusable_digest_sweep_settings_stop_the_host_naming_each_setting()
    {
        var failures = StartFailures(new() { ["PlanBot:Digests:SendConcurrency"] = "65" });

        Assert.Equal(["PlanBot:Digests:SendConcurrency must be from 1 to 64."], failures);
    }

    [Fact]
    public void Unusable_owner_lookup_settings_stop_the_host_naming_each_setting()
    {
        var failures = StartFailures(new()
        {
            ["PlanBot:People:CacheDuration"] = "-00:01:00",
            ["PlanBot:People:MaxConcurrentLookups"] = "0",
        });

        Assert.Equal(
        [
            "PlanBot:People:CacheDuration is -00:01:00: it must not be negative.",
            "PlanBot:People:MaxConcurrentLookups is 0: it must be from 1 to 32.",
        ], failures);
    }

    [Fact]
    public void A_personal_chat_address_without_https_stops_the_host_naming_the_setting()
    {
        var failures = StartFailures(new() { ["PlanBot:PersonalChats:ServiceUrl"] = "http://smba.example.net/" });

        Assert.Equal(["PlanBot:PersonalChats:ServiceUrl 'http://smba.example.net/' must be an absolute https URL (http only for loopback), or empty."], failures);
    }

    private IEnumerable<string> StartFailures(Dictionary<string, string?> settings)
    {
        using var host = BotHost.Start(azurite, settings);
        return Assert.Throws<OptionsValidationException>(() => host.CreateClient()).Failures;
    }
}
