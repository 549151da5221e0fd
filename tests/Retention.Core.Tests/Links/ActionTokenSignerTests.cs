using System.Buffers.Text;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Links;
using Retention.Core.Tests.Content;

namespace Retention.Core.Tests.Links;

public sealed class ActionTokenSignerTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 5, 8, 0);
    private static readonly ActionToken Sample = new("emp-vestkyst", "nud-welcome-lunch-ildsjel-week-1", LinkAction.Done, 0, Now + Duration.FromDays(30));
    private static readonly ActionTokenSigner Signer = ContentFixtures.Signer;

    [Fact]
    public void Signed_token_verifies_to_the_same_content()
    {
        var token = Signer.Sign(Sample);

        Assert.True(Signer.TryVerify(token, Now, out var verified));
        Assert.Equal(Sample, verified);
    }

    [Theory]
    [InlineData(LinkAction.Belonging, 1)]
    [InlineData(LinkAction.IntentToStay, 5)]
    [InlineData(LinkAction.Unsubscribe, 0)]
    public void Check_in_answers_and_other_actions_round_trip(LinkAction action, int value)
    {
        var original = Sample with { Action = action, Value = value };

        Assert.True(Signer.TryVerify(Signer.Sign(original), Now, out var verified));
        Assert.Equal(original, verified);
    }

    [Theory]
    [InlineData(LinkAction.Belonging, 0)]
    [InlineData(LinkAction.IntentToStay, 6)]
    [InlineData(LinkAction.Done, 3)]
    public void Signing_an_impossible_answer_is_refused(LinkAction action, int value)
    {
        Assert.Throws<ArgumentException>(() => Signer.Sign(Sample with { Action = action, Value = value }));
    }

    [Fact]
    public void Token_is_url_safe_and_holds_nothing_but_ids_action_expiry_and_tag()
    {
        var token = Signer.Sign(Sample);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        var bytes = Base64Url.DecodeFromChars(token);
        var ids = Encoding.UTF8.GetByteCount(Sample.EmployerId) + Encoding.UTF8.GetByteCount(Sample.NudgeId);
        Assert.Equal(1 + 8 + 1 + 1 + 1 + 1 + ids + 32, bytes.Length); // version, expiry, action, value, 2 lengths, ids, HMAC
        Assert.Contains("nud-welcome-lunch-ildsjel-week-1", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_token_is_rejected_from_the_expiry_instant_on()
    {
        var token = Signer.Sign(Sample);

        Assert.True(Signer.TryVerify(token, Sample.ExpiresAt - Duration.FromSeconds(1), out _));
        Assert.False(Signer.TryVerify(token, Sample.ExpiresAt, out _));
        Assert.False(Signer.TryVerify(token, Sample.ExpiresAt + Duration.FromDays(1), out _));
    }

    [Fact]
    public void Token_from_another_key_is_rejected()
    {
        var forger = new ActionTokenSigner(new ActionLinkOptions { SigningKey = Convert.ToBase64String(new byte[32]) });

        Assert.False(Signer.TryVerify(forger.Sign(Sample), Now, out _));
    }

    [Fact]
    public void Token_signed_with_a_previous_key_still_verifies_after_rotation()
    {
        var oldKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var before = new ActionTokenSigner(new ActionLinkOptions { SigningKey = oldKey });
        var after = new ActionTokenSigner(new ActionLinkOptions { SigningKey = ContentFixtures.Key, PreviousSigningKeys = { oldKey } });

        Assert.True(after.TryVerify(before.Sign(Sample), Now, out _));
        Assert.False(before.TryVerify(after.Sign(Sample), Now, out _));
    }

    [Fact]
    public void Truncated_tokens_are_rejected()
    {
        var token = Signer.Sign(Sample);

        for (var length = 0; length < token.Length; length++)
        {
            Assert.False(Signer.TryVerify(token[..length], Now, out _), $"prefix of length {length} verified");
        }
    }

    [Fact]
    public void Re_encoded_tokens_are_rejected()
    {
        var token = Signer.Sign(Sample);
        var bytes = Base64Url.DecodeFromChars(token);
        var standard = Convert.ToBase64String(bytes);

        Assert.False(Signer.TryVerify(standard, Now, out _));                                   // padding and/or + /
        Assert.False(Signer.TryVerify(token + "=", Now, out _));
        Assert.False(Signer.TryVerify(Uri.EscapeDataString(token + "="), Now, out _));
        Assert.False(Signer.TryVerify(" " + token, Now, out _));
        Assert.False(Signer.TryVerify(token.ToUpperInvariant(), Now, out _));
    }

    [Fact]
    public void Non_canonical_trailing_bits_are_rejected()
    {
        // Find a token whose last character carries unused bits, then set them: same bytes, different text.
        var token = Enumerable.Range(0, 50).Select(i => Signer.Sign(Sample with { NudgeId = "nud-" + i })).First(t => t.Length % 4 != 0);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = Alphabet.IndexOf(token[^1], StringComparison.Ordinal);
        var sibling = token[..^1] + Alphabet[last | 1];

        Assert.NotEqual(token, sibling);
        Assert.Equal(Convert.FromBase64String(ToStandard(token)), Convert.FromBase64String(ToStandard(sibling)));
        Assert.False(Signer.TryVerify(sibling, Now, out _));
    }

    [Property(MaxTest = 200)]
    public Property Any_single_character_change_is_rejected(PositiveInt position, char replacement)
    {
        var token = Signer.Sign(Sample);
        var index = position.Get % token.Length;
        var tampered = token[..index] + replacement + token[(index + 1)..];

        return (tampered == token || !Signer.TryVerify(tampered, Now, out _)).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Any_ids_round_trip(NonEmptyString employer, NonEmptyString nudge)
    {
        var employerId = new string(employer.Get.Take(60).ToArray());
        var nudgeId = new string(nudge.Get.Take(60).ToArray());
        var original = Sample with { EmployerId = employerId, NudgeId = nudgeId };
        string token;
        try
        {
            token = Signer.Sign(original);
        }
        catch (EncoderFallbackException)
        {
            return true.ToProperty(); // lone surrogates cannot be ids
        }

        return (Signer.TryVerify(token, Now, out var verified) && verified == original).ToProperty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 31 bytes
    public void Keys_that_are_missing_malformed_or_short_are_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new ActionTokenSigner(new ActionLinkOptions { SigningKey = key }));
    }

    private static string ToStandard(string url)
    {
        var s = url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
