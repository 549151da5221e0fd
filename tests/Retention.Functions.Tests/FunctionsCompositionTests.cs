extern alias functions;

using System.Reflection;
using System.Text.RegularExpressions;
using functions::Retention.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Testing;

namespace Retention.Functions.Tests;

/// <summary>
/// The Functions app's composition (<c>AddRetentionFunctions</c>), given exactly the <c>Retention__…</c> settings the
/// Bicep template sets (with stand-in values), builds with ValidateOnBuild and ValidateScopes, passes every options
/// validation the app runs at start, and constructs every function class: a required setting the template forgets
/// fails here, not in Azure.
/// </summary>
public sealed partial class FunctionsCompositionTests
{
    [Fact]
    public async Task The_settings_the_template_sets_compose_the_app_and_every_function_class()
    {
        var names = TemplateSettingNames();
        Assert.Contains("Retention:Privacy:HashKey", names);
        Assert.Contains("Retention:Links:SigningKey", names);
        var values = names.ToDictionary(n => n, n => (string?)StandIn(n));

        // The CI build sends through Retention.Email instead of ACS (ADR-009), which needs a pickup folder or SMTP host.
        values["Retention:Email:PickupDirectory"] = Directory.CreateTempSubdirectory("retention-functions-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);

        // What the worker host itself provides (ConfigureFunctionsWebApplication brings ASP.NET Core routing).
        collection.AddLogging();
        collection.AddRouting();
        collection.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Production", ApplicationName = "Retention.Functions", ContentRootPath = AppContext.BaseDirectory,
        });

        collection.AddRetentionFunctions(configuration);
        await using var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        services.GetRequiredService<IStartupValidator>().Validate();
        var functionClasses = typeof(FunctionsComposition).Assembly.GetTypes()
            // Static classes (their triggers take everything from the request) need nothing from the container.
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.True(functionClasses.Count >= 8, $"only {functionClasses.Count} function classes with constructors found");
        await using var scope = services.CreateAsyncScope();
        foreach (var type in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    /// <summary>Every <c>Retention__…</c> app setting the infra templates write, as configuration keys.</summary>
    private static HashSet<string> TemplateSettingNames() =>
        Directory.EnumerateFiles(Path.Combine(TestTools.RepositoryRoot, "infra"), "*.bicep", SearchOption.AllDirectories)
            .SelectMany(f => SettingName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

    private static string StandIn(string name) => name switch
    {
        _ when name.EndsWith("Key", StringComparison.Ordinal) => Convert.ToBase64String(new byte[32]),
        _ when name.EndsWith("Endpoint", StringComparison.Ordinal) || name.EndsWith("Url", StringComparison.Ordinal) => "https://standin.example/",
        _ when name.EndsWith("Namespace", StringComparison.Ordinal) => "standin.servicebus.windows.net",
        _ when name.EndsWith("Address", StringComparison.Ordinal) => "DoNotReply@standin.example",
        _ when name.EndsWith("PerMinute", StringComparison.Ordinal) || name.EndsWith("PerHour", StringComparison.Ordinal) => "30",
        _ when name.EndsWith("TimeToLive", StringComparison.Ordinal) => "365.00:00:00",
        "Retention:Storage:Provider" => "Cosmos",
        _ => "standin",
    };

    [GeneratedRegex(@"\b(Retention__[A-Za-z0-9_]+)\s*:")]
    private static partial Regex SettingName();
}
