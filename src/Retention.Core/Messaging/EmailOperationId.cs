using System.Security.Cryptography;
using System.Text;

namespace Retention.Core.Messaging;

/// <summary>
/// The ACS Email <c>operationId</c> for an idempotency key: a name-based UUID (RFC 9562 version 8 layout over
/// SHA-256), so a repeated send of the same message carries the same operation id and the service can recognise it.
/// </summary>
public static class EmailOperationId
{
    public static Guid From(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("retention-email:" + idempotencyKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom, name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
