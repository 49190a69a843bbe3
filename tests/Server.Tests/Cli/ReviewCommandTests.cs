using System.Text.Json.Nodes;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;
using D = Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Server.Tests.Cli;

public sealed class ReviewCommandTests
{
    internal const string ModelKey = "sk-review-test";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Review_DryRunInAMergeRequestPipeline_PrintsEveryFindingWithItsPlaceAndPostsNothing()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        await using var model = await FakeModelServer.StartAsync(Script(), Token);
        using var config = WriteConfig(model);
        var error = new LineWriter();

        var result = await CliRunner.RunAsync(["review", "--dry-run", "--config", config.Path], CiVariables(gitLab), error, Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "fetching merge request !21 of 278964",
                $"reviewing file 1 of 3: {D.PricingPath}",
                $"reviewing file 2 of 3: {D.DiscountsPath}",
                $"reviewing file 3 of 3: {D.DiscountsDocPath}",
            ],
            result.ErrorLines);
        Assert.Equal("dry run: 1 inline and 1 summary findings; nothing posted", result.OutputLines[0]);
        Assert.Equal("reviewed 3 files; 0 files not reviewed; model tokens: 6 in, 6 out", result.OutputLines[1]);
        Assert.Equal($"  major   {D.PricingPath}:22  Discount can exceed the subtotal  [inline (new_line 22)]", result.OutputLines[2]);
        Assert.Equal($"  nit     {D.PricingPath}:40  Unused import  [in the summary: line 40 (new) is not in the diff]", result.OutputLines[3]);
        Assert.Contains("--- summary note (not posted) ---", result.OutputLines);
        Assert.Equal($"<!-- tributary:review head={D.ReviewHeadSha} -->", result.OutputLines[^1]);
        Assert.DoesNotContain(gitLab.Requests, r => r.Method is "POST" or "PUT");
    }

    [Fact]
    public async Task Review_PostedThenRunAgain_PostsOnceThenSaysNothingIsNew()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        await using var model = await FakeModelServer.StartAsync(Script(), Token);
        using var config = WriteConfig(model);

        var first = await CliRunner.RunAsync(["review", "--project", D.BackendPath, "--mr", "21", "--config", config.Path], Variables(gitLab, ("GITLAB_TOKEN", FakeGitLab.ValidToken)), null, Token);
        var second = await CliRunner.RunAsync(["review", "--project", D.BackendPath, "--mr", "21", "--config", config.Path], Variables(gitLab, ("GITLAB_TOKEN", FakeGitLab.ValidToken)), null, Token);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("posted 1 inline and 1 summary findings on !21 of acme/platform/backend and added the summary note", first.OutputLines[0]);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["nothing new to review: commit c7d1e5f9 of !21 of acme/platform/backend was reviewed already"], second.OutputLines);
        Assert.Equal(2, gitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Count);
    }

    [Fact]
    public async Task Review_OutsideCiWithoutTheMergeRequest_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(["review", "--project", "a/b"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            ["error: no merge request to review: pass --project and --mr, or run inside a GitLab CI merge request pipeline (rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"), which sets CI_PROJECT_ID and CI_MERGE_REQUEST_IID"],
            result.ErrorLines);
    }

    [Fact]
    public async Task Review_NoToken_FailsSayingWhichVariablesAndScope()
    {
        await using var model = await FakeModelServer.StartAsync(Script(), Token);
        using var config = WriteConfig(model);

        var result = await CliRunner.RunAsync(["review", "--project", "a/b", "--mr", "1", "--config", config.Path], new Dictionary<string, string>(), null, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["error: no GitLab token: set TRIBUTARY_GITLAB_TOKEN or GITLAB_TOKEN to the access token of a bot user with the api scope and Developer access to the project (CI_JOB_TOKEN cannot post merge request comments)"],
            result.ErrorLines);
    }

    [Fact]
    public async Task Review_GitLabRejectsTheToken_FailsWithGitLabsReason()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        await using var model = await FakeModelServer.StartAsync(Script(), Token);
        using var config = WriteConfig(model);

        var result = await CliRunner.RunAsync(["review", "--config", config.Path], Variables(gitLab, ("TRIBUTARY_GITLAB_TOKEN", "glpat-revoked")), null, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("fetching merge request !21 of 278964", result.ErrorLines[0]);
        Assert.StartsWith(
            $"error: review of merge request !21 of '278964' failed: GitLab ({gitLab.Url.ToString().TrimEnd('/')}) rejected the token in TRIBUTARY_GITLAB_TOKEN (401 Unauthorized)",
            result.ErrorLines[1],
            StringComparison.Ordinal);
    }

    /// <summary>The scripted model: submits two findings for the pricing file and none for the others.</summary>
    internal static Func<FakeModelRequest, FakeModelReply> Script() => request =>
    {
        if (request.Messages[^1].Role == "tool")
        {
            return FakeModelReply.Answer("Submitted.");
        }

        var findings = new JsonArray();
        if (request.Messages.Any(m => m.Role == "user" && m.Content.Contains($": {D.PricingPath} (", StringComparison.Ordinal)))
        {
            findings.Add(new JsonObject { ["file"] = D.PricingPath, ["line"] = 22, ["severity"] = "major", ["title"] = "Discount can exceed the subtotal", ["body"] = "Clamp it at zero." });
            findings.Add(new JsonObject { ["file"] = D.PricingPath, ["line"] = 40, ["severity"] = "nit", ["title"] = "Unused import" });
        }

        return FakeModelReply.Call("review-submit_review", new JsonObject { ["summary"] = "Looked at it.", ["findings"] = findings }.ToJsonString());
    };

    private static Dictionary<string, string> CiVariables(FakeGitLab gitLab) => Variables(
        gitLab,
        ("CI", "true"),
        ("GITLAB_CI", "true"),
        ("CI_SERVER_URL", gitLab.Url.ToString().TrimEnd('/')),
        ("CI_PROJECT_ID", D.BackendId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("CI_MERGE_REQUEST_IID", "21"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", D.MainHeadSha),
        ("TRIBUTARY_GITLAB_TOKEN", FakeGitLab.ValidToken));

    private static Dictionary<string, string> Variables(FakeGitLab gitLab, params (string Name, string Value)[] values)
    {
        var variables = values.ToDictionary(v => v.Name, v => v.Value);
        variables["FAKE_MODEL_KEY"] = ModelKey;
        variables.TryAdd("CI_SERVER_URL", gitLab.Url.ToString().TrimEnd('/'));
        variables.TryAdd("CI_PROJECT_ID", D.BackendId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        variables.TryAdd("CI_MERGE_REQUEST_IID", "21");
        return variables;
    }

    /// <summary>A registry with the fake model as the only model and a reviewer agent beside it.</summary>
    internal static TempRegistry WriteConfig(FakeModelServer model)
    {
        var config = TempRegistry.Write($"""
            models:
              fake:
                provider: openai-compatible
                endpoint: {model.Endpoint}
                model: fake-model
                api_key_env: FAKE_MODEL_KEY
            """);
        Directory.CreateDirectory(Path.Combine(config.Directory, "agents"));
        File.WriteAllText(Path.Combine(config.Directory, "agents", "reviewer.yml"), "name: reviewer\ninstructions: Review {project_path}.\n");
        return config;
    }
}
