using Tributary.Agents.GitLab;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Agents.Tests.GitLab;

public sealed class GitLabClientTests
{
    private const string BackendLookup = "/api/v4/projects/acme%2Fplatform%2Fbackend";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetProjectIdAsync_SubgroupPath_IsLookedUpOnceThenCached()
    {
        await using var harness = await GitLabHarness.StartAsync();

        long first = await harness.Client.GetProjectIdAsync("acme/platform/backend", Token);
        long second = await harness.Client.GetProjectIdAsync("/acme/platform/backend.git", Token);

        Assert.Equal(FakeGitLabData.BackendId, first);
        Assert.Equal(FakeGitLabData.BackendId, second);
        Assert.Equal(1, harness.GitLab.CountOf("GET", BackendLookup));
    }

    [Fact]
    public async Task GetProjectIdAsync_NumericId_SendsNoRequest()
    {
        await using var harness = await GitLabHarness.StartAsync();

        Assert.Equal(1002, await harness.Client.GetProjectIdAsync("1002", Token));
        Assert.Empty(harness.GitLab.Requests);
    }

    [Fact]
    public async Task GetProjectIdAsync_UnknownPath_SaysWhichProjectWasNotFound()
    {
        await using var harness = await GitLabHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.Client.GetProjectIdAsync("acme/nope", Token));

        Assert.Equal(GitLabFailure.NotFound, error.Failure);
        Assert.Equal("Project 'acme/nope' was not found on GitLab (404 Not Found); check the project (a numeric id or its full path, group/subgroup/project) and the number, and that the token's user can see it.", error.Message);
    }

    [Fact]
    public async Task AnyCall_NoToken_SaysHowToConfigureAndSendsNothing()
    {
        await using var harness = await GitLabHarness.StartAsync(token: null);

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.Client.GetDefaultBranchAsync("acme/web", Token));

        Assert.Equal(GitLabFailure.NotConfigured, error.Failure);
        Assert.Equal($"GitLab is not configured: the environment variable GITLAB_TOKEN (gitlab.token_env) is not set. Create a GitLab access token (scope read_api to read; api to post comments and create issues) for {harness.GitLab.Url.ToString().TrimEnd('/')}, export it as GITLAB_TOKEN and restart Tributary.", error.Message);
        Assert.Empty(harness.GitLab.Requests);
        Assert.False(harness.Client.IsConfigured);
    }

    [Fact]
    public async Task AnyCall_WrongToken_SaysTheTokenWasRejected()
    {
        await using var harness = await GitLabHarness.StartAsync(token: "glpat-revoked");

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.Client.GetProjectIdAsync("acme/web", Token));

        Assert.Equal(GitLabFailure.Unauthorized, error.Failure);
        Assert.Equal($"GitLab ({harness.GitLab.Url.ToString().TrimEnd('/')}) rejected the token in GITLAB_TOKEN (401 Unauthorized): it is invalid, expired or revoked. Create a new access token (scope read_api to read; api to write), export it as GITLAB_TOKEN and restart Tributary.", error.Message);
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_RetriesAfterTheDelay()
    {
        await using var harness = await GitLabHarness.StartAsync();
        harness.GitLab.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));

        Assert.Equal("main", await harness.Client.GetDefaultBranchAsync("1002", Token));

        var sent = harness.GitLab.Requests;
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.Equal("/api/v4/projects/1002", r.Path));

        // The retry waited for Retry-After (a lower bound: it can only be late, never early).
        Assert.True(sent[1].ReceivedAt - sent[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {sent[1].ReceivedAt - sent[0].ReceivedAt}");
    }

    [Fact]
    public async Task Send_ServerErrorOnce_IsRetried()
    {
        await using var harness = await GitLabHarness.StartAsync();
        harness.GitLab.FailNext(500);

        Assert.Equal("main", await harness.Client.GetDefaultBranchAsync("1002", Token));
        Assert.Equal(2, harness.GitLab.Requests.Count);
    }

    [Fact]
    public async Task Send_ServerErrorEveryTime_GivesUpAfterThreeRetries()
    {
        await using var harness = await GitLabHarness.StartAsync();
        harness.GitLab.FailNext(503, count: 10);

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.Client.GetDefaultBranchAsync("1002", Token));

        Assert.Equal("GitLab could not answer the request for project '1002' (503 Service Unavailable) after retrying; it may be down or overloaded; try again later.", error.Message);
        Assert.Equal(4, harness.GitLab.Requests.Count);
    }

    [Fact]
    public async Task Post_ServerError_IsNotSentAgain()
    {
        await using var harness = await GitLabHarness.StartAsync();
        _ = await harness.Client.GetProjectIdAsync("acme/web", Token);
        harness.GitLab.FailNext(500);

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.CallAsync("create_issue", ("project", "acme/web"), ("title", "Flaky")));

        Assert.Equal(GitLabFailure.Unavailable, error.Failure);
        Assert.Equal(1, harness.GitLab.CountOf("POST", "/api/v4/projects/1002/issues"));
    }

    [Fact]
    public async Task Send_SlowerThanTheTimeout_SaysGitLabDidNotAnswer()
    {
        await using var harness = await GitLabHarness.StartAsync(timeout: TimeSpan.FromMilliseconds(200));
        harness.GitLab.Delay = TimeSpan.FromSeconds(5);

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.Client.GetDefaultBranchAsync("1002", Token));

        Assert.Equal(GitLabFailure.Timeout, error.Failure);
        Assert.Equal("GitLab did not answer the request for project '1002' within 0.2 s (after retrying); it may be slow or down. Try again later, or raise gitlab.timeout in tributary.yml.", error.Message);
    }

    [Fact]
    public async Task GetPagedAsync_ManyPages_FollowsNextPageUpToTheBound()
    {
        await using var harness = await GitLabHarness.StartAsync();
        harness.GitLab.MaxPerPage = 10;

        var page = await harness.Client.GetPagedAsync($"projects/{FakeGitLabData.BackendId}/merge_requests?state=opened", 25, "merge requests", Token);

        Assert.Equal(25, page.Items.Count);
        Assert.True(page.HasMore);
        Assert.Equal(["?state=opened&per_page=25&page=1", "?state=opened&per_page=25&page=2", "?state=opened&per_page=25&page=3"], harness.GitLab.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task GetPagedAsync_BoundAboveTotal_ReadsEveryPageAndHasNoMore()
    {
        await using var harness = await GitLabHarness.StartAsync();
        harness.GitLab.MaxPerPage = 10;

        var page = await harness.Client.GetPagedAsync($"projects/{FakeGitLabData.BackendId}/merge_requests?state=opened", 100, "merge requests", Token);

        Assert.Equal(FakeGitLabData.OpenMergeRequestCount, page.Items.Count);
        Assert.False(page.HasMore);
        Assert.Equal(3, harness.GitLab.Requests.Count);
    }

    [Fact]
    public async Task GetFileAtDefaultBranchAsync_ExistingAndMissingFile_GivesTextOrNull()
    {
        await using var harness = await GitLabHarness.StartAsync();

        Assert.Equal("main", await harness.Client.GetDefaultBranchAsync(FakeGitLabData.BackendPath, Token));
        var file = await harness.Client.GetFileAtDefaultBranchAsync(FakeGitLabData.BackendPath, ".tributary.yml", 1024, Token);
        const string Text = "review:\n  skip_paths: [\"docs/**\"]\n";
        Assert.Equal(new GitLabText(Text, IsCut: false, Text.Length), file);
        Assert.Null(await harness.Client.GetFileAtDefaultBranchAsync(FakeGitLabData.WebPath, ".tributary.yml", 1024, Token));
        Assert.Contains(harness.GitLab.Requests, r => r.Path == "/api/v4/projects/278964/repository/files/.tributary.yml/raw" && r.Query == "?ref=main");
    }

    [Fact]
    public async Task GetFileAsync_FileLargerThanTheLimit_ReadsOnlyUpToItAndSaysSo()
    {
        await using var harness = await GitLabHarness.StartAsync();
        harness.GitLab.Data.Files[FakeGitLabData.WebId]["big.txt"] = new string('x', 300_000);

        var file = await harness.Client.GetFileAsync(FakeGitLabData.WebPath, "big.txt", "main", 1000, Token);

        Assert.True(file.IsCut);
        Assert.Equal(new string('x', 1000), file.Text);
        Assert.Equal(300_000, file.Length);
    }
}
