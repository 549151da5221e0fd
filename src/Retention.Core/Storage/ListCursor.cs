using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Retention.Core.Storage;

/// <summary>
/// Keyset position in an enrolment listing (a store's sortable creation time, then the id), handed out as opaque
/// URL-safe text. Each store decides the unit of <see cref="CreatedAt"/> (SQLite ticks, Cosmos unix ms).
/// </summary>
public sealed record ListCursor(long CreatedAt, string Id)
{
    public string Format() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAt.ToString(CultureInfo.InvariantCulture) + ":" + Id));

    public static ListCursor Parse(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var createdAt))
            {
                return new ListCursor(createdAt, text[(colon + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Reported below as a bad argument.
        }

        throw new ArgumentException("The cursor is not one this store handed out.", nameof(cursor));
    }
}
