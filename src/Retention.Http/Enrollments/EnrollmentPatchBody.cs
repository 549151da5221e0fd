using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Unsubscribes;
using Retention.Http.Json;
using Retention.Http.Problems;

namespace Retention.Http.Enrollments;

/// <summary>
/// Reads a PATCH body against the enrolment as GET shows it, so that a body GET returned can be sent back. A field
/// of <see cref="EnrollmentResponse"/> that <see cref="EnrollmentPatch"/> does not hold is read-only: ignored when
/// it equals the current value, "is read-only" otherwise. A field of neither is unknown. Both sets are the types'
/// JSON contracts, so a field added to the response later is read-only without a list to keep.
/// </summary>
public static class EnrollmentPatchBody
{
    private static readonly string HrContactField = JsonNamingPolicy.CamelCase.ConvertName(nameof(EnrollmentPatch.HrContact));

    public static (EnrollmentPatch? Patch, IResult? Problem) Read(JsonObject body, Enrollment current, IReadOnlyList<UnsubscribedPerson>? unsubscribed = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var shown = JsonSerializer.SerializeToNode(EnrollmentResponse.From(current, unsubscribed), ApiJson.Options)!.AsObject();
        var errors = new List<FieldError>();
        Sort(body, shown, Contract(typeof(EnrollmentResponse)), Contract(typeof(EnrollmentPatch)), "", errors);
        if (errors.Count > 0)
        {
            return (null, ApiProblems.Validation(errors));
        }

        // "hrContact": null removes the contact; everywhere else null (or absence) leaves a field as it is.
        var removeHrContact = body.Any(p => string.Equals(p.Key, HrContactField, StringComparison.OrdinalIgnoreCase) && p.Value is null);
        var (patch, problem) = JsonBody.Deserialize<EnrollmentPatch>(JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.Options));
        return problem is null ? (patch! with { RemoveHrContact = removeHrContact }, null) : (null, problem);
    }

    /// <summary>Removes the read-only fields from <paramref name="body"/>, reporting those that differ and the unknown ones.</summary>
    private static void Sort(JsonObject body, JsonObject? shown, JsonTypeInfo response, JsonTypeInfo patch, string prefix, List<FieldError> errors)
    {
        foreach (var (name, value) in body.ToList())
        {
            if (Find(response, name) is not { } field)
            {
                errors.Add(new FieldError(prefix + name, "is not a known field"));
                continue;
            }

            var path = prefix + field.Name;
            var now = shown?[field.Name];
            if (Find(patch, name) is not { } changeable)
            {
                if (!Same(value, now, field.PropertyType))
                {
                    errors.Add(new FieldError(path, "is read-only"));
                }

                body.Remove(name);
            }
            else if (value is JsonObject nested && Contract(field.PropertyType) is { Kind: JsonTypeInfoKind.Object } inner)
            {
                Sort(nested, now as JsonObject, inner, Contract(changeable.PropertyType), path + ".", errors);
            }
        }
    }

    /// <summary>Compared as values of the response's type, so <c>"2027-01-11T08:00:00.000Z"</c> equals the instant GET wrote without the fraction.</summary>
    private static bool Same(JsonNode? sent, JsonNode? shown, Type type)
    {
        try
        {
            var value = sent.Deserialize(type, ApiJson.Options);
            return JsonNode.DeepEquals(JsonSerializer.SerializeToNode(value, type, ApiJson.Options), shown);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo contract, string name) =>
        contract.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static JsonTypeInfo Contract(Type type) => ApiJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
}
