using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Retention.Core.Storage;

/// <summary>
/// Keyset position in an enrolment listing (a store's sortable creation time, then the id), handed out as opaque
/// URL-safe text. Each store decides the unit of <see cref="CreatedAt"/> (SQLite ticks, Cosmos unix ms).
/// </summary>
public sealed record ListCursor(long CreatedAt, string Id)
{
    /// <summary>Well beyond any cursor a store hands out (a creation time and a 32-character enrolment id, in base64).</summary>
    public const int MaxLength = 200;

    public string Format() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAt.ToString(CultureInfo.InvariantCulture) + ":" + Id));

    public static ListCursor Parse(string cursor) =>
        TryParse(cursor, out var parsed) ? parsed : throw new ArgumentException("The cursor is not one this store handed out.", nameof(cursor));

    /// <summary>False for text no store handed out; the HTTP layer asks before the store is reached, so garbage is a 400.</summary>
    public static bool TryParse(string? cursor, [NotNullWhen(true)] out ListCursor? parsed)
    {
        parsed = null;
        if (cursor is not { Length: > 0 and <= MaxLength })
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < text.Length - 1
                && long.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var createdAt))
            {
                parsed = new ListCursor(createdAt, text[(colon + 1)..]);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64url: not a cursor.
        }

        return false;
    }
}
