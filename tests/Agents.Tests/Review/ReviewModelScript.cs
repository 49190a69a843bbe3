using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tributary.TestSupport.FakeModel;

namespace Tributary.Agents.Tests.Review;

/// <summary>
/// A reviewing model for the fake model server: for the file named in the review request it submits the findings the
/// test gives for that path (none when it gives none), then answers a short sentence once the submission was recorded.
/// </summary>
internal static partial class ReviewModelScript
{
    public const string SubmitFunction = "review-submit_review";

    public static Func<FakeModelRequest, FakeModelReply> Submitting(IReadOnlyDictionary<string, JsonArray> findings) => request =>
    {
        if (request.Messages[^1].Role == "tool")
        {
            return FakeModelReply.Answer("Submitted.");
        }

        string path = FileUnderReview(request);
        var arguments = new JsonObject
        {
            ["summary"] = $"Summary of {path}.",
            ["findings"] = findings.TryGetValue(path, out var list) ? list.DeepClone() : new JsonArray(),
        };
        return FakeModelReply.Call(SubmitFunction, arguments.ToJsonString());
    };

    /// <summary>The file a review request is about (<c>File k of n: PATH (change)</c> in its user message).</summary>
    public static string FileUnderReview(FakeModelRequest request) =>
        FileLine().Match(request.Messages.First(m => m.Role == "user").Content).Groups[1].Value;

    /// <summary>A finding as the model sends it.</summary>
    public static JsonObject Finding(string file, int line, string severity, string title, string? side = null, int? endLine = null, string? suggestion = null)
    {
        var finding = new JsonObject { ["file"] = file, ["line"] = line, ["severity"] = severity, ["title"] = title, ["body"] = $"Because {title.ToLowerInvariant()}." };
        if (side is not null)
        {
            finding["side"] = side;
        }

        if (endLine is not null)
        {
            finding["end_line"] = endLine;
        }

        if (suggestion is not null)
        {
            finding["suggestion"] = suggestion;
        }

        return finding;
    }

    [GeneratedRegex(@"File \d+ of \d+: (\S+) \(")]
    private static partial Regex FileLine();
}
