namespace Tributary.Agents.Review;

/// <summary>What a review did.</summary>
public sealed record ReviewResult
{
    /// <summary>How it ended.</summary>
    public required ReviewOutcome Outcome { get; init; }

    /// <summary>One line for people: what was done, or why nothing was.</summary>
    public required string Message { get; init; }

    /// <summary>The head commit the review is about.</summary>
    public string HeadSha { get; init; } = string.Empty;

    /// <summary>The commit the review continued from (incremental), or <see langword="null"/> for a full review.</summary>
    public string? SinceSha { get; init; }

    /// <summary>The summary note's text (as posted, or as it would be).</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>Every finding and where it went.</summary>
    public IReadOnlyList<PlacedFinding> Findings { get; init; } = [];

    /// <summary>How many files the model reviewed.</summary>
    public int ReviewedFiles { get; init; }

    /// <summary>Changed files not reviewed, and why.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Input tokens the model reported.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens the model reported.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Notices of the runs (repository override problems, missing MCP servers).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}
