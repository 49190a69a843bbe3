using System.Text.Json;
using Microsoft.SemanticKernel;
using Tributary.Agents.Review;

namespace Tributary.Agents.Tests.Review;

public sealed class ReviewSubmissionTests
{
    [Fact]
    public async Task Submit_ValidFindings_RecordsThemChecked()
    {
        var submission = new ReviewSubmission(new HashSet<string> { "app/tax.py" });

        string answer = await InvokeAsync(submission, """
            {"summary": "Adds rounding.", "findings": [
              {"file": "app/tax.py", "line": 22, "end_line": 23, "severity": "major", "title": "Float money", "body": "Use Decimal.", "suggestion": "value = Decimal(amount) * RATE"},
              {"file": "app/tax.py", "line": 2, "side": "old", "severity": "nit", "title": "Import removed"}
            ]}
            """);

        Assert.Equal("Recorded 2 findings. The review is complete: reply with one short sentence and call no more tools.", answer);
        Assert.True(submission.Submitted);
        Assert.Equal("Adds rounding.", submission.Summary);
        Assert.Equal(
            [
                new ReviewFinding("app/tax.py", 22, 23, DiffSide.New, ReviewSeverity.Major, "Float money", "Use Decimal.", "value = Decimal(amount) * RATE"),
                new ReviewFinding("app/tax.py", 2, 2, DiffSide.Old, ReviewSeverity.Nit, "Import removed", string.Empty, null),
            ],
            submission.Findings);
    }

    [Fact]
    public async Task Submit_WrongFindings_FailsNamingEveryProblemAndRecordsNothing()
    {
        var submission = new ReviewSubmission(new HashSet<string> { "app/tax.py" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => InvokeAsync(submission, """
            {"summary": "x", "findings": [
              {"file": "app/other.py", "line": 0, "side": "left", "severity": "urgent", "title": " "},
              {"file": "app/tax.py", "line": 5, "end_line": 3, "side": "old", "title": "t", "suggestion": "code"}
            ]}
            """));

        Assert.Equal(
            "the review was not recorded: finding 1: file 'app/other.py' is not under review in this request (files: app/tax.py); use the path from the diff header; "
            + "finding 1: side must be 'new' or 'old', not 'left'; finding 1: line must be a line number of the diff (1 or more), not 0; "
            + "finding 1: severity must be blocker, major, minor or nit, not 'urgent'; finding 1: title is empty; say in one line what is wrong; "
            + "finding 2: end_line must be between line (5) and 104, not 3; finding 2: a suggestion replaces new-side lines; leave it out for a removed (old) line. "
            + "Fix these and call submit_review again with all findings.",
            (error.InnerException ?? error).Message);
        Assert.False(submission.Submitted);
    }

    private static async Task<string> InvokeAsync(ReviewSubmission submission, string json)
    {
        var function = submission.ToPlugin()[ReviewSubmission.FunctionName];
        var arguments = new KernelArguments();
        foreach (var property in JsonDocument.Parse(json).RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        var result = await function.InvokeAsync(new Microsoft.SemanticKernel.Kernel(), arguments, TestContext.Current.CancellationToken);
        return result.GetValue<object>()?.ToString() ?? string.Empty;
    }
}
