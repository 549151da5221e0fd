using Retention.Core.Privacy;

namespace Retention.Core.Tests.Privacy;

public sealed class PseudonymsTests
{
    private static readonly Pseudonyms Hashes = new(new PrivacyOptions { HashKey = Convert.ToBase64String(new byte[32]) });

    [Fact]
    public void An_address_is_recognised_whatever_its_case_and_surrounding_space()
    {
        Assert.Equal(Hashes.Address("karianne@example.no"), Hashes.Address("  Karianne@Example.NO "));
        Assert.NotEqual(Hashes.Address("karianne@example.no"), Hashes.Address("kari@example.no"));
    }

    [Fact]
    public void A_hash_holds_nothing_of_the_input_and_depends_on_the_key()
    {
        var other = new Pseudonyms(new PrivacyOptions { HashKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) });

        var hash = Hashes.Address("karianne@example.no");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, other.Address("karianne@example.no"));
    }

    [Fact]
    public void External_ids_are_hashed_per_employer_and_apart_from_addresses()
    {
        Assert.NotEqual(Hashes.ExternalId("acme", "HR-1"), Hashes.ExternalId("globex", "HR-1"));
        Assert.NotEqual(Hashes.ExternalId("acme", "x@y.no"), Hashes.Address("x@y.no"));
        Assert.Equal(Hashes.ExternalId("acme", "HR-1"), Hashes.ExternalId("acme", "HR-1"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    [InlineData("")]
    public void A_key_that_is_not_base64_of_32_bytes_is_refused(string key) =>
        Assert.Throws<ArgumentException>(() => new Pseudonyms(new PrivacyOptions { HashKey = key }));
}
