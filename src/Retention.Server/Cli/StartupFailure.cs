using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Retention.Server.Cli;

/// <summary>
/// A server that cannot start says why in one line (the setting, its valid values, the busy port) and exits with 1,
/// instead of an unhandled exception's stack trace and exit code 134.
/// </summary>
public static partial class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>The one line for a start-up failure, or null when the exception is not one (a bug: let it surface).</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case SettingException setting:
                return "retention: " + setting.Message;
            case OptionsValidationException invalid:
                return "retention: invalid settings: " + string.Join("; ", invalid.Failures);
            case InvalidOperationException conversion when ConversionMessage().Match(conversion.Message) is { Success: true } m:
                var values = EnumValues(m.Groups["type"].Value);
                return $"retention: setting {m.Groups["path"].Value} = '{m.Groups["value"].Value}' is not valid"
                    + (values is null ? $" (expected {m.Groups["type"].Value.Split('.')[^1]})" : $"; valid values: {values}");
            case IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } busy:
                return "retention: " + busy.Message + " Choose another with --urls http://localhost:<port>.";
            case AggregateException { InnerExceptions.Count: 1 } single:
                return Describe(single.InnerExceptions[0]);
            default:
                return exception.InnerException is { } inner && exception is InvalidOperationException ? Describe(inner) : null;
        }
    }

    private static string? EnumValues(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(typeName, throwOnError: false))
            .FirstOrDefault(t => t is { IsEnum: true });
        return type is null ? null : string.Join(", ", Enum.GetNames(type));
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionMessage();
}
