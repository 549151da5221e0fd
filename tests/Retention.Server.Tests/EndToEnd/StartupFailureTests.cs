using System.Net;
using System.Net.Sockets;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The real server process, started as a user would: <c>--help</c> prints the usage; a bad setting or a busy port
/// ends in one line that names the problem (and the valid values), exit code 1, no stack trace.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class StartupFailureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("retention-startup-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0_without_starting()
    {
        var (exit, stdout, _) = await ServerProcess.RunToExitAsync(["--help"], Settings(), Timeout);

        Assert.Equal(0, exit);
        Assert.Contains("keys create --employer", stdout, StringComparison.Ordinal);
        Assert.Contains("keys create --region", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "retention.db")), "--help must not start the server");
    }

    [Theory]
    [InlineData("Retention:Email:Provider", "Smtpp", "Retention:Email:Provider = 'Smtpp' is not valid; valid values: Pickup, Smtp")]
    [InlineData("Retention:Dispatch:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Retention:Storage:Provider", "Postgres", "Retention:Storage:Provider must be Sqlite or Cosmos")]
    public async Task A_bad_setting_is_one_line_naming_it_and_exit_code_1(string setting, string value, string expected)
    {
        var settings = Settings();
        settings[setting] = value;

        var (exit, _, stderr) = await ServerProcess.RunToExitAsync([], settings, Timeout);

        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_is_one_line_and_exit_code_1()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exit, _, stderr) = await ServerProcess.RunToExitAsync(["--urls", $"http://127.0.0.1:{port}"], Settings(), Timeout);

        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Retention:DataDirectory"] = _data,
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
