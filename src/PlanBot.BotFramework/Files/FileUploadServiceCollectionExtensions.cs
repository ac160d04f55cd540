using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Files;

public static class FileUploadServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FileUploadClient"/> and its named HttpClient, which carries no bot token and follows no
    /// redirects; settings from <c>PlanBot:Bot:FileUploads</c>, checked at start.
    /// </summary>
    public static IServiceCollection AddBotFileUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileUploadOptions>()
            .Bind(configuration.GetSection(FileUploadOptions.Section))
            .PostConfigure(options =>
            {
                if (options.AllowedHosts.All(string.IsNullOrWhiteSpace))
                    options.AllowedHosts = [FileUploadOptions.SharePointDomainFor(configuration["ToBotFromChannelTokenIssuer"])];
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileUploadOptions>, FileUploadOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(FileUploadClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan) // each PUT has its own timeout
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton<FileUploadClient>();
        return services;
    }
}
