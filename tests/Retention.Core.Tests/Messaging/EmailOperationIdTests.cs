using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Core.Messaging;

namespace Retention.Core.Tests.Messaging;

public sealed class EmailOperationIdTests
{
    [Fact]
    public void The_same_key_gives_the_same_operation_id()
    {
        Assert.Equal(EmailOperationId.From("msg-key@3"), EmailOperationId.From("msg-key@3"));
    }

    [Fact]
    public void Different_keys_give_different_operation_ids()
    {
        Assert.NotEqual(EmailOperationId.From("msg-key@3"), EmailOperationId.From("msg-key@4"));
    }

    [Property]
    public Property Operation_ids_are_version_8_rfc_variant_uuids() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonEmptyString>(), key =>
        {
            var text = EmailOperationId.From(key.Get).ToString("D");
            return text[14] == '8' && "89ab".Contains(text[19], StringComparison.Ordinal);
        });

    [Fact]
    public void An_empty_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EmailOperationId.From(""));
    }
}
