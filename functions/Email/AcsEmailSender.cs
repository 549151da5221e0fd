using Azure;
using Azure.Communication.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Retention.Core.Messaging;
using CoreEmail = Retention.Core.Email;

namespace Retention.Functions.Email;

/// <summary>
/// Sends the rendered MIME message through Azure Communication Services Email. The operation id is derived from the
/// idempotency key (<see cref="EmailOperationId"/>), so a repeated send carries the same id and can be traced in the
/// ACS logs; the service documents no de-duplication by operation id (its repeatability headers, set by the SDK per
/// request, cover five minutes), so towards ACS this is at-least-once, narrowed by dispatch marking the nudge sent
/// straight after acceptance. <c>WaitUntil.Started</c> returns once ACS has accepted the message; delivery is
/// asynchronous. Failures map through <see cref="EmailProviderErrorMapping"/>.
/// </summary>
public sealed class AcsEmailSender(EmailClient client, IOptions<AcsEmailOptions> options, TimeProvider clock, ILogger<AcsEmailSender> logger) : CoreEmail.IEmailSender
{
    public async Task<CoreEmail.EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var operationId = EmailOperationId.From(idempotencyKey);
        try
        {
            var operation = await client.SendAsync(WaitUntil.Started, AcsEmailMessage.From(EmailPayload.From(message), options.Value.SenderAddress), operationId, cancellationToken);
            logger.LogInformation("ACS accepted e-mail operation {OperationId}", operation.Id);
            return CoreEmail.EmailSendResult.Sent;
        }
        catch (RequestFailedException exception)
        {
            var response = exception.GetRawResponse();
            string? Header(string name) => response is not null && response.Headers.TryGetValue(name, out var value) ? value : null;
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            var result = EmailProviderErrorMapping.Map(exception.Status, exception.ErrorCode, Header("Retry-After"), now, Header("retry-after-ms") ?? Header("x-ms-retry-after-ms"));
            logger.LogWarning("ACS send of operation {OperationId} failed with {Status} {ErrorCode}: {Result}", operationId, exception.Status, exception.ErrorCode, result.Status);
            return result;
        }
    }
}
