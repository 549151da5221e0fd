namespace Retention.Core.Content;

/// <summary>The municipal services the journey points newcomers to.</summary>
public enum MunicipalServiceKind
{
    Kindergarten,
    School,
    NorwegianCourse,
    Other,
}
