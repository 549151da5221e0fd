using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Application;
using Retention.Http.Json;

namespace Retention.Http.Links;

/// <summary><c>GET /a/{token}</c> shows a confirmation page; <c>POST /a/{token}</c> records the action. No API key: the token is the credential.</summary>
public static class LinkEndpoints
{
    public const long MaxFormBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapLinkEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/a/{token}", ShowAsync).WithName("ShowLink").ExcludeFromDescription();
        app.MapPost("/a/{token}", ActAsync).WithName("UseLink").ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> ShowAsync(string token, HttpRequest request, LinkActionService links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = await links.DescribeAsync(token, cancellationToken);
        return link.Outcome switch
        {
            LinkOutcome.Recorded => Html(LinkPage.Confirm(link, request.Path), StatusCodes.Status200OK),
            var other => Html(LinkPage.Result(other, link.Action), StatusOf(other)),
        };
    }

    public static async Task<IResult> ActAsync(string token, HttpRequest request, LinkActionService links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, tooLarge) = await BodyReader.ReadAsync(request, MaxFormBytes, cancellationToken);
        if (tooLarge)
        {
            return Html(LinkPage.Result(LinkOutcome.InvalidInput), StatusCodes.Status413PayloadTooLarge);
        }

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        CheckInInput? answers = null;
        if (form.ContainsKey("belonging") || form.ContainsKey("intentToStay"))
        {
            answers = new CheckInInput { Belonging = Number(form, "belonging"), IntentToStay = Number(form, "intentToStay") };
        }

        var result = await links.ActAsync(token, answers, cancellationToken);
        var resubscribe = result.ResubscribeToken is { } again ? $"/a/{again}" : null;
        return Html(LinkPage.Result(result.Outcome, result.Action, resubscribe), StatusOf(result.Outcome));
    }

    private static int? Number(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)(form.ContainsKey(name) ? -1 : null);

    private static int StatusOf(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Recorded or LinkOutcome.AlreadyRecorded or LinkOutcome.Preview => StatusCodes.Status200OK,
        LinkOutcome.NotSent => StatusCodes.Status409Conflict,
        LinkOutcome.Gone => StatusCodes.Status410Gone,
        LinkOutcome.InvalidInput => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status403Forbidden,
    };

    private static IResult Html(string html, int status) => Pages.HtmlPage.Result(html, status);
}
