using Retention.Core.Enrollments;

namespace Retention.Core.Tests;

/// <summary>Core owns the rules; it must not reach for a host, a cloud SDK, SQL or SMTP.</summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.AspNetCore",
        "Azure",
        "Microsoft.Azure",
        "Microsoft.Data.Sqlite",
        "Dapper",
        "MailKit",
        "System.Data",
    ];

    [Fact]
    public void Core_references_no_host_cloud_sql_or_smtp_assembly()
    {
        var references = typeof(Enrollment).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references
            .Where(name => Forbidden.Any(prefix => name.Equals(prefix, StringComparison.Ordinal) || name.StartsWith(prefix + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.Contains("NodaTime", references);
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData(false, new int[0], false)]
    [InlineData(true, new int[0], true)]
    [InlineData(false, new[] { 4 }, true)]
    public void Family_counts_as_present_with_a_partner_or_a_child(bool partner, int[] children, bool expected)
    {
        Assert.Equal(expected, new Family(partner, children).Any);
    }
}
