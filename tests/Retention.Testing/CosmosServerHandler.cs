using System.Net;
using System.Net.Security;
using System.Text;

namespace Retention.Testing;

/// <summary>
/// The HTTP handler for talking to <see cref="CosmosServer"/>: accepts its self-signed certificate (loopback
/// only) and corrects one bug of cosmosdb-server 1.0.1, which answers a point read of a document that is not
/// in the partition with 500 ("Cannot read properties of undefined") instead of 404.
/// </summary>
public sealed class CosmosServerHandler : DelegatingHandler
{
    public CosmosServerHandler()
        : base(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (request, _, _, errors) =>
                errors == SslPolicyErrors.None || request.RequestUri is { IsLoopback: true },
        })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method != HttpMethod.Get
            || response.StatusCode != HttpStatusCode.InternalServerError
            || request.RequestUri?.AbsolutePath.Contains("/docs/", StringComparison.Ordinal) != true)
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!body.Contains("Cannot read properties of undefined", StringComparison.Ordinal))
        {
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return response;
        }

        var notFound = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new StringContent(
                """{"code":"NotFound","message":"Entity with the specified id does not exist in the system."}""", Encoding.UTF8, "application/json"),
        };
        foreach (var header in response.Headers)
        {
            notFound.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Dispose();
        return notFound;
    }
}
