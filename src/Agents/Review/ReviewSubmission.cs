using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Tributary.Agents.Review;

/// <summary>
/// The <c>submit_review</c> function of one review request: the model hands its findings over as structured data
/// (never parsed out of free text). Findings are checked against the files under review; a wrong one makes the call
/// fail with every problem named, so the model can send it again. The last accepted call counts.
/// </summary>
internal sealed class ReviewSubmission
{
    /// <summary>The plugin name the model sees (<c>review-submit_review</c>).</summary>
    public const string PluginName = "review";

    /// <summary>The function name.</summary>
    public const string FunctionName = "submit_review";

    /// <summary>The most findings one call may carry.</summary>
    public const int MaxFindings = 25;

    private const int MaxTitle = 200;
    private const int MaxBody = 4_000;
    private const int MaxSummary = 2_000;
    private const int MaxLinesPerFinding = 100;

    private readonly IReadOnlySet<string> _files;

    /// <summary>Creates the submission of a request about <paramref name="files"/>.</summary>
    public ReviewSubmission(IReadOnlySet<string> files) => _files = files;

    /// <summary>Whether the model has submitted.</summary>
    public bool Submitted { get; private set; }

    /// <summary>The model's short summary of the files.</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>The checked findings.</summary>
    public IReadOnlyList<ReviewFinding> Findings { get; private set; } = [];

    /// <summary>The kernel plugin holding <c>submit_review</c>.</summary>
    public KernelPlugin ToPlugin()
    {
        var function = AIFunctionFactory.Create(
            (Func<string, FindingInput[]?, string>)Submit,
            new AIFunctionFactoryOptions
            {
                Name = FunctionName,
                Description = "Submit your review of the files in this request: a short summary and every finding. Call it exactly once, after you have looked at everything you need; an empty findings list means you found nothing worth raising.",
            });
        return KernelPluginFactory.CreateFromFunctions(PluginName, "Hands the review to Tributary, which posts it", [function.AsKernelFunction()]);
    }

    private string Submit(
        [Description("Two or three sentences on what these files change and how well; no findings here.")] string summary,
        [Description("The findings, most serious first; an empty list when there is nothing to raise.")] FindingInput[]? findings)
    {
        findings ??= [];
        var problems = new List<string>();
        if (findings.Length > MaxFindings)
        {
            problems.Add($"at most {MaxFindings} findings per review; keep the ones that matter most");
        }

        var checkedFindings = new List<ReviewFinding>();
        for (int i = 0; i < findings.Length && i < MaxFindings; i++)
        {
            if (Check(findings[i], $"finding {(i + 1).ToString(CultureInfo.InvariantCulture)}", problems) is { } finding)
            {
                checkedFindings.Add(finding);
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"the review was not recorded: {string.Join("; ", problems)}. Fix these and call {FunctionName} again with all findings.");
        }

        Summary = Bound(summary ?? string.Empty, MaxSummary);
        Findings = checkedFindings;
        Submitted = true;
        return $"Recorded {checkedFindings.Count} finding{(checkedFindings.Count == 1 ? string.Empty : "s")}. The review is complete: reply with one short sentence and call no more tools.";
    }

    private ReviewFinding? Check(FindingInput input, string name, List<string> problems)
    {
        int before = problems.Count;
        string file = input.File?.Trim() ?? string.Empty;
        if (!_files.Contains(file))
        {
            problems.Add($"{name}: file '{file}' is not under review in this request (files: {string.Join(", ", _files)}); use the path from the diff header");
        }

        DiffSide side = DiffSide.New;
        switch (input.Side?.Trim().ToLowerInvariant())
        {
            case null or "" or "new":
                break;
            case "old":
                side = DiffSide.Old;
                break;
            default:
                problems.Add($"{name}: side must be 'new' or 'old', not '{input.Side}'");
                break;
        }

        int end = input.EndLine ?? input.Line;
        if (input.Line < 1)
        {
            problems.Add($"{name}: line must be a line number of the diff (1 or more), not {input.Line.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (end < input.Line || end - input.Line >= MaxLinesPerFinding)
        {
            problems.Add($"{name}: end_line must be between line ({input.Line.ToString(CultureInfo.InvariantCulture)}) and {(input.Line + MaxLinesPerFinding - 1).ToString(CultureInfo.InvariantCulture)}, not {end.ToString(CultureInfo.InvariantCulture)}");
        }

        ReviewSeverity severity = ReviewSeverity.Minor;
        if (input.Severity is { Length: > 0 } given && !Enum.TryParse(given.Trim(), ignoreCase: true, out severity))
        {
            problems.Add($"{name}: severity must be blocker, major, minor or nit, not '{given}'");
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add($"{name}: title is empty; say in one line what is wrong");
        }

        if (side == DiffSide.Old && !string.IsNullOrWhiteSpace(input.Suggestion))
        {
            problems.Add($"{name}: a suggestion replaces new-side lines; leave it out for a removed (old) line");
        }

        return problems.Count > before
            ? null
            : new ReviewFinding(
                file,
                input.Line,
                end,
                side,
                severity,
                Bound(input.Title!.Trim().ReplaceLineEndings(" "), MaxTitle),
                Bound(input.Body?.Trim() ?? string.Empty, MaxBody),
                string.IsNullOrWhiteSpace(input.Suggestion) ? null : Bound(input.Suggestion.TrimEnd(), MaxBody));
    }

    private static string Bound(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
