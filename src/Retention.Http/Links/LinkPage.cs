using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Retention.Core.Application;
using Retention.Core.Links;

namespace Retention.Http.Links;

/// <summary>
/// The small pages behind one-click links, in English and Norwegian. They work without JavaScript; the GET page
/// only shows a button, so mail scanners that prefetch links record nothing.
/// </summary>
public static class LinkPage
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}"
        + "button{font-size:1.1rem;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#0b5cad;color:#fff;cursor:pointer}"
        + "fieldset{border:1px solid #bbb;border-radius:.4rem;margin:0 0 1rem}label{margin-right:.8rem;white-space:nowrap}.nb{color:#555}";

    public static string Confirm(LinkActionResult link, string actionUrl)
    {
        ArgumentNullException.ThrowIfNull(link);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(Question(link.Action))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{Encode(actionUrl)}\">");
        if (link.Action is LinkAction.Belonging or LinkAction.IntentToStay)
        {
            body.Append(Scale("belonging", "How much do you feel you belong here? / Hvor godt føler du at du hører til her?", link.Action == LinkAction.Belonging ? link.Value : 0));
            body.Append(Scale("intentToStay", "How likely are you to stay? / Hvor sannsynlig er det at du blir?", link.Action == LinkAction.IntentToStay ? link.Value : 0));
        }

        body.Append("<button type=\"submit\">Confirm / Bekreft</button></form>");
        return Page("Retention", body.ToString());
    }

    /// <param name="outcome">What the link did.</param>
    /// <param name="resubscribeUrl">After an unsubscribe: where the person can take it back.</param>
    public static string Result(LinkOutcome outcome, LinkAction? action = null, string? resubscribeUrl = null)
    {
        var (en, nb) = (outcome, action) switch
        {
            (LinkOutcome.Recorded, LinkAction.Unsubscribe) => ("You will get no more e-mails from Retention at this address.", "Du får ikke flere e-poster fra Retention til denne adressen."),
            (LinkOutcome.AlreadyRecorded, LinkAction.Unsubscribe) => ("This address was already unsubscribed. You will get no more e-mails from Retention.", "Denne adressen var allerede avmeldt. Du får ikke flere e-poster fra Retention."),
            (LinkOutcome.Recorded, LinkAction.Resubscribe) => ("Welcome back — you will get these e-mails again.", "Velkommen tilbake — du får disse e-postene igjen."),
            (LinkOutcome.AlreadyRecorded, LinkAction.Resubscribe) => ("This address is not unsubscribed: you get these e-mails already.", "Denne adressen er ikke avmeldt: du får allerede disse e-postene."),
            (LinkOutcome.AlreadyRecorded, LinkAction.Belonging or LinkAction.IntentToStay) => ("You answered this check-in already; your first answer stands, so this one was not recorded.", "Du har allerede svart på denne sjekken; det første svaret ditt gjelder, så dette ble ikke registrert."),
            (LinkOutcome.Recorded, _) => ("Thank you — it is recorded.", "Takk — det er registrert."),
            (LinkOutcome.AlreadyRecorded, _) => ("This was already recorded. Nothing more to do.", "Dette var allerede registrert. Du trenger ikke gjøre mer."),
            (LinkOutcome.InvalidToken, _) => ("This link is not valid any more. It may have expired; the next message will have a fresh one.", "Denne lenken er ikke gyldig lenger. Den kan ha gått ut; neste melding har en ny lenke."),
            (LinkOutcome.Gone, _) => ("This reminder is no longer active, so nothing was recorded.", "Denne påminnelsen er ikke aktiv lenger, så ingenting ble registrert."),
            (LinkOutcome.NotSent, _) => ("This message has not been sent, so nothing was recorded.", "Denne meldingen er ikke sendt, så ingenting ble registrert."),
            (LinkOutcome.Preview, _) => ("This link is from a preview of a message. Links in a preview record nothing.", "Denne lenken er fra en forhåndsvisning. Lenker i en forhåndsvisning registrerer ingenting."),
            _ => ("Please choose an answer from 1 to 5 for both questions.", "Velg et svar fra 1 til 5 på begge spørsmålene."),
        };
        var again = resubscribeUrl is null
            ? ""
            : $"<form method=\"post\" action=\"{Encode(resubscribeUrl)}\"><p>Changed your mind? / Ombestemt deg?</p><button type=\"submit\">Get these e-mails again / Få disse e-postene igjen</button></form>";
        return Page("Retention", $"<h1>{Encode(en)}</h1><p class=\"nb\" lang=\"nb\">{Encode(nb)}</p>{again}");
    }

    private static string Question(LinkAction? action) => action switch
    {
        LinkAction.Done => "Mark this as done? / Marker som gjort?",
        LinkAction.Snooze => "Remind me again in a week? / Minn meg på om en uke?",
        LinkAction.Dismiss => "Not relevant for us? / Ikke relevant for oss?",
        LinkAction.Unsubscribe => "Stop these e-mails? / Stopp disse e-postene?",
        LinkAction.Resubscribe => "Get these e-mails again? / Få disse e-postene igjen?",
        _ => "A quick check-in / En rask sjekk",
    };

    private static string Scale(string name, string legend, int preset)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<fieldset><legend>{Encode(legend)}</legend>");
        for (var i = 1; i <= 5; i++)
        {
            var check = i == preset ? " checked" : "";
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"radio\" name=\"{name}\" value=\"{i}\" required{check}> {i}</label>");
        }

        return html.Append("</fieldset>").ToString();
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + $"<meta name=\"robots\" content=\"noindex\"><title>{Encode(title)}</title><style>{Style}</style></head><body><main>{body}</main></body></html>";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
