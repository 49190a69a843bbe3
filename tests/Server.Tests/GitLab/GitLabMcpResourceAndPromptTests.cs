using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.GitLab;

public sealed class GitLabMcpResourceAndPromptTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<string> ReadAsync(McpClient client, string uri)
    {
        var result = await client.ReadResourceAsync(uri, cancellationToken: Token);
        return Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;
    }

    [Fact]
    public async Task ListResourceTemplates_GivesTheFiveProjectTemplates()
    {
        await using var env = await GitLabHost.StartAsync();

        var templates = await env.Client.ListResourceTemplatesAsync(cancellationToken: Token);

        Assert.Equal(
            ["gitlab://project/{project_path}/readme", "gitlab://project/{project_path}/ci-config", "gitlab://project/{project_path}/merge-requests/open",
             "gitlab://project/{project_path}/issues/open", "gitlab://project/{project_path}/pipelines/latest"],
            templates.Select(t => t.UriTemplate));
    }

    [Fact]
    public async Task ReadResource_EachTemplate_GivesTheProjectsContent()
    {
        await using var env = await GitLabHost.StartAsync();

        Assert.Equal("# Backend\n\nThe order service of ACME.\n\nRun `make test` to test it.\n", await ReadAsync(env.Client, "gitlab://project/acme%2Fplatform%2Fbackend/readme"));
        Assert.StartsWith("stages: [build, test]\n", await ReadAsync(env.Client, "gitlab://project/acme/platform/backend/ci-config"), StringComparison.Ordinal);
        Assert.Contains("\"count\":20,\"more_available\":true", await ReadAsync(env.Client, "gitlab://project/acme/platform/backend/merge-requests/open"), StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Broken logo on mobile\"", await ReadAsync(env.Client, "gitlab://project/acme%2Fweb/issues/open"), StringComparison.Ordinal);
        Assert.Contains("\"id\":5001,\"status\":\"failed\"", await ReadAsync(env.Client, "gitlab://project/278964/pipelines/latest"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResource_UnknownProject_IsResourceNotFoundNamingIt()
    {
        await using var env = await GitLabHost.StartAsync();

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => env.Client.ReadResourceAsync("gitlab://project/acme%2Fnope/readme", cancellationToken: Token).AsTask());

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
        Assert.Contains("Project 'acme/nope' was not found on GitLab (404 Not Found)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_ListedAndRendered_NameTheServedTools()
    {
        await using var env = await GitLabHost.StartAsync();

        var prompts = await env.Client.ListPromptsAsync(cancellationToken: Token);
        var review = await env.Client.GetPromptAsync("gitlab__review_merge_request", new Dictionary<string, object?> { ["project"] = "acme/platform/backend", ["mr_iid"] = "14656" }, cancellationToken: Token);
        var pipeline = await env.Client.GetPromptAsync("gitlab__explain_pipeline_failure", new Dictionary<string, object?> { ["project"] = "acme/platform/backend", ["pipeline_id"] = "5001" }, cancellationToken: Token);
        var issue = await env.Client.GetPromptAsync("gitlab__summarize_issue", new Dictionary<string, object?> { ["project"] = "acme/web", ["issue_iid"] = "1" }, cancellationToken: Token);

        Assert.Equal(["gitlab__review_merge_request", "gitlab__explain_pipeline_failure", "gitlab__summarize_issue"], prompts.Select(p => p.Name));
        Assert.All(prompts, p => Assert.All(p.ProtocolPrompt.Arguments!, a => Assert.True(a.Required)));
        string reviewText = Assert.IsType<TextContentBlock>(Assert.Single(review.Messages).Content).Text;
        Assert.StartsWith("Review merge request !14656 of the GitLab project acme/platform/backend.", reviewText, StringComparison.Ordinal);
        Assert.Contains("Call gitlab__get_merge_request (project \"acme/platform/backend\", mr_iid 14656)", reviewText, StringComparison.Ordinal);
        Assert.Contains("gitlab__get_merge_request_diff", reviewText, StringComparison.Ordinal);
        Assert.Contains("Call gitlab__get_failed_pipeline_logs (project \"acme/platform/backend\", pipeline_id 5001)", Assert.IsType<TextContentBlock>(Assert.Single(pipeline.Messages).Content).Text, StringComparison.Ordinal);
        Assert.Contains("Call gitlab__get_issue (project \"acme/web\", issue_iid 1)", Assert.IsType<TextContentBlock>(Assert.Single(issue.Messages).Content).Text, StringComparison.Ordinal);
        Assert.Empty(env.GitLab.Requests);
    }

    [Fact]
    public async Task GetPrompt_MissingArgument_SaysWhichOne()
    {
        await using var env = await GitLabHost.StartAsync();

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => env.Client.GetPromptAsync("gitlab__summarize_issue", new Dictionary<string, object?> { ["project"] = "acme/web" }, cancellationToken: Token).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("prompt gitlab__summarize_issue needs the argument 'issue_iid': The issue's iid, as in #42.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpstreamConnectsAndChanges_BuiltInsStayListedBesideItsTools()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, Token);
        await using var env = await GitLabHost.StartAsync(extraYaml: "mcp_servers:\n" + HealthEndpointTests.HttpServer("up", upstream.Url));

        var before = await env.Client.ListToolsAsync(cancellationToken: Token);
        using var notifications = new SemaphoreSlim(0);
        await using var subscription = env.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            notifications.Release();
            return ValueTask.CompletedTask;
        });
        upstream.AddTool("added");
        IList<McpClientTool> after;
        do
        {
            Assert.True(await notifications.WaitAsync(TimeSpan.FromSeconds(30), Token), "no tools/list_changed reached the client");
            after = await env.Client.ListToolsAsync(cancellationToken: Token);
        }
        while (!after.Any(t => t.Name == "up__added"));

        // The eleven GitLab tools that read (the writers are off by default) and the upstream's.
        Assert.Equal(12, before.Count);
        Assert.Contains(before, t => t.Name == "up__echo");
        Assert.Equal(13, after.Count);
        Assert.Equal(11, after.Count(t => t.Name.StartsWith("gitlab__", StringComparison.Ordinal)));
        Assert.Equal(5, (await env.Client.ListResourceTemplatesAsync(cancellationToken: Token)).Count);
        Assert.Equal(3, (await env.Client.ListPromptsAsync(cancellationToken: Token)).Count);
    }
}
