namespace Retention.Core.Import;

/// <summary>What happened to one CSV row.</summary>
public enum ImportRowStatus
{
    Created,

    /// <summary>Enrolled before (same external id, same details): nothing written. Re-importing a file is harmless.</summary>
    Existing,

    /// <summary>The same external id appears earlier in this file.</summary>
    Duplicate,
    Invalid,

    /// <summary>The external id is enrolled with other details; the errors name the fields that differ. Nothing written.</summary>
    Conflict,

    /// <summary>The external id belonged to a person whose personal data was erased: not enrolled again.</summary>
    Erased,
}
