namespace Retention.Server.Cli;

/// <summary>A setting the composition cannot use; its message names the setting and what it may be (shown as one line).</summary>
public sealed class SettingException(string message) : InvalidOperationException(message);
