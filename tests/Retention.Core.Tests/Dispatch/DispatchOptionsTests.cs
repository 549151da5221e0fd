using System.ComponentModel.DataAnnotations;
using Retention.Core.Dispatch;

namespace Retention.Core.Tests.Dispatch;

public sealed class DispatchOptionsTests
{
    [Fact]
    public void Accepts_the_defaults()
    {
        Assert.Empty(Validate(new DispatchOptions()));
    }

    [Fact]
    public void Names_each_invalid_setting()
    {
        var errors = Validate(new DispatchOptions
        {
            MaxAttempts = 0,
            BackoffBase = TimeSpan.FromMinutes(10),
            BackoffCap = TimeSpan.FromMinutes(1),
            SendLease = TimeSpan.FromSeconds(1),
        });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(DispatchOptions.MaxAttempts)));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Retention:Dispatch:BackoffCap", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Retention:Dispatch:SendLease", StringComparison.Ordinal));
    }

    private static List<ValidationResult> Validate(DispatchOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        // The validator runs the cross-setting rules only once the attribute rules pass; run them too.
        results.AddRange(options.Validate(new ValidationContext(options)));
        return results;
    }
}
