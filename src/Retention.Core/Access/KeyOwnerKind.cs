namespace Retention.Core.Access;

/// <summary>Whom an API key speaks for.</summary>
public enum KeyOwnerKind
{
    /// <summary>An employer: its enrolments, journeys and dashboard; it reads regional content only through rendering and the events route.</summary>
    Employer,

    /// <summary>A region's curators: its content, feeds and regional dashboard; never an employer's people.</summary>
    Region,
}
