using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Tributary.Agents.Review;

/// <summary>A finding as the model reports it through <c>submit_review</c>; checked into a <see cref="ReviewFinding"/>.</summary>
public sealed class FindingInput
{
    /// <summary>The file's path, exactly as the diff names it.</summary>
    [JsonPropertyName("file")]
    [Description("The file's path exactly as given in the diff header.")]
    public string? File { get; set; }

    /// <summary>The first line of the finding.</summary>
    [JsonPropertyName("line")]
    [Description("The line number the finding is about, from the numbered diff: the NEW number for added (+) and unchanged lines, the OLD number for removed (-) lines.")]
    public int Line { get; set; }

    /// <summary>The last line, for a finding about several lines.</summary>
    [JsonPropertyName("end_line")]
    [Description("For a finding about several consecutive lines, the last one (same side as line); omit for one line.")]
    public int? EndLine { get; set; }

    /// <summary><c>new</c> or <c>old</c>.</summary>
    [JsonPropertyName("side")]
    [Description("'new' for added or unchanged lines (the default), 'old' for removed lines.")]
    public string? Side { get; set; }

    /// <summary><c>blocker</c>, <c>major</c>, <c>minor</c> or <c>nit</c>.</summary>
    [JsonPropertyName("severity")]
    [Description("blocker (must fix before merging), major, minor or nit.")]
    public string? Severity { get; set; }

    /// <summary>One line saying what is wrong.</summary>
    [JsonPropertyName("title")]
    [Description("One short line saying what is wrong.")]
    public string? Title { get; set; }

    /// <summary>Why it matters and how to fix it.</summary>
    [JsonPropertyName("body")]
    [Description("Why it matters and how to fix it, in Markdown. Say how sure you are when you are not certain.")]
    public string? Body { get; set; }

    /// <summary>Replacement code for the lines, optional.</summary>
    [JsonPropertyName("suggestion")]
    [Description("Optional: the exact code that should replace the new-side lines line..end_line, without diff markers or line numbers.")]
    public string? Suggestion { get; set; }
}
