using System.ComponentModel.DataAnnotations;

namespace Retention.Server.Demo;

/// <summary>Demo mode (<c>--demo</c>): a demo employer, a realistic set of newcomers, and a fast clock.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Retention:Demo";

    public bool Enabled { get; set; }

    /// <summary>Real seconds per simulated day; 1 means a simulated day passes every second.</summary>
    [Range(0.01, 86_400)]
    public double SecondsPerDay { get; set; } = 1;

    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{1,39}$")]
    public string EmployerId { get; set; } = "demo";
}
