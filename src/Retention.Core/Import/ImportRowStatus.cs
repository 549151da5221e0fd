namespace Retention.Core.Import;

/// <summary>What happened to one CSV row.</summary>
public enum ImportRowStatus
{
    Created,

    /// <summary>Enrolled before (same external id): nothing written. Re-importing a file is harmless.</summary>
    Existing,

    /// <summary>The same external id appears earlier in this file.</summary>
    Duplicate,
    Invalid,
}
