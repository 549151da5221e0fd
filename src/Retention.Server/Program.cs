using Retention.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddRetentionServer();

var app = builder.Build();
app.MapRetentionServer();
app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
