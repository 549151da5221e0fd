using System.Buffers.Text;
using System.Text;
using Retention.Core.Storage;

namespace Retention.Core.Tests.Storage;

public sealed class ListCursorTests
{
    [Fact]
    public void A_cursor_a_store_handed_out_reads_back_as_the_same_position()
    {
        var cursor = new ListCursor(638_720_000_000_000_000, "0194f2a6c1f47b3e9d2c5a8e1f0b7d64");

        Assert.True(ListCursor.TryParse(cursor.Format(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.Equal(cursor, ListCursor.Parse(cursor.Format()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("not base64!")]
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk6aWQ")]
    public void Text_no_store_handed_out_is_not_a_cursor(string? text)
    {
        Assert.False(ListCursor.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData("x:id")]
    [InlineData("42:")]
    [InlineData(":id")]
    public void Decoded_text_without_a_time_and_an_id_is_not_a_cursor(string decoded)
    {
        Assert.False(ListCursor.TryParse(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(decoded)), out _));
    }

    [Fact]
    public void A_cursor_longer_than_any_handed_out_is_refused_before_it_is_decoded()
    {
        var longId = new ListCursor(1, new string('a', ListCursor.MaxLength)).Format();

        Assert.False(ListCursor.TryParse(longId, out _));
    }
}
