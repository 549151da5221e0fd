namespace Retention.Core.Content;

/// <summary>What a rendered message is for: sending it, or showing it to HR in a journey preview (inert links).</summary>
public enum RenderMode
{
    Send,
    Preview,
}
