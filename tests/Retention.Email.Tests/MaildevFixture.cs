using Retention.Testing;

namespace Retention.Email.Tests;

/// <summary>One maildev per test class; when it cannot start (no npm here) the tests skip with the reason.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    public MaildevServer? Server { get; private set; }

    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            Server = await MaildevServer.StartAsync();
        }
        catch (InvalidOperationException ex)
        {
            Unavailable = "maildev could not start: " + ex.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>The running server, or a skip with the reason.</summary>
    public MaildevServer Require()
    {
        Skip.If(Server is null, Unavailable);
        return Server!;
    }
}
