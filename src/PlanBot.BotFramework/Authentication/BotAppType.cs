namespace PlanBot.BotFramework.Authentication;

/// <summary>The kinds of Azure Bot identity, as configured by MicrosoftAppType.</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}
