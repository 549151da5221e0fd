using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Retention.Functions;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP triggers get HttpRequest/HttpContext, the types the shared HTTP handlers take.
builder.ConfigureFunctionsWebApplication();
builder.Services.AddRetentionFunctions(builder.Configuration);

builder.Build().Run();
