namespace Tributary.Agents.Review;

/// <summary>How much a finding matters, most serious first.</summary>
public enum ReviewSeverity
{
    /// <summary>Must be fixed before merging: a bug, a security hole, data loss.</summary>
    Blocker,

    /// <summary>Should be fixed: wrong behaviour in some cases, missing error handling or tests.</summary>
    Major,

    /// <summary>Worth fixing: clarity, small robustness issues.</summary>
    Minor,

    /// <summary>A small suggestion the author may take or leave.</summary>
    Nit,
}
