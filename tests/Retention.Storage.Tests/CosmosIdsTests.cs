using FsCheck;
using FsCheck.Xunit;
using Retention.Storage.Cosmos;

namespace Retention.Storage.Tests;

/// <summary>Document ids built from model ids: never two models on one id, never a character Cosmos or a URL path rejects.</summary>
public sealed class CosmosIdsTests
{
    [Property(MaxTest = 500)]
    public bool Escape_never_maps_two_values_to_one_id(NonNull<string> a, NonNull<string> b) =>
        a.Get == b.Get || CosmosIds.Escape(a.Get) != CosmosIds.Escape(b.Get);

    [Property(MaxTest = 500)]
    public bool Escape_yields_only_safe_characters(NonNull<string> value) =>
        CosmosIds.Escape(value.Get).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~');

    [Theory]
    [InlineData("enr-123_a.b:c", "enr-123_a.b:c")]
    [InlineData("HR/42", "~SFIvNDI")]
    [InlineData("~x", "~fng")]
    public void Escape_keeps_plain_ids_and_encodes_the_rest(string value, string expected) =>
        Assert.Equal(expected, CosmosIds.Escape(value));
}
