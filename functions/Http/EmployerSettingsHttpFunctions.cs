using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Core.Regions;
using Retention.Http.Regions;

namespace Retention.Functions.Http;

/// <summary>The employer's settings (sharing with its regions).</summary>
public sealed class EmployerSettingsHttpFunctions(EmployerSettingsService settings)
{
    private const string Settings = "api/v1/employers/{employerId}/settings";

    [Function("GetEmployerSettings")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Settings)] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EmployerSettingsEndpoints.GetAsync(employerId, settings, cancellationToken));

    [Function("ChangeEmployerSettings")]
    public Task<IActionResult> Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Settings)] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EmployerSettingsEndpoints.PutAsync(employerId, req, settings, cancellationToken));
}
