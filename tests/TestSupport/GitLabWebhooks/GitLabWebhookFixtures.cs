using System.Text.Json.Nodes;

namespace Tributary.TestSupport.GitLabWebhooks;

/// <summary>Real GitLab webhook bodies (see <c>GitLabWebhooks/Fixtures/SOURCES.md</c>), embedded in this assembly.</summary>
public static class GitLabWebhookFixtures
{
    /// <summary>Merge Request Hook, action <c>open</c>: project 1 <c>gitlabhq/gitlab-test</c>, MR !1.</summary>
    public const string MergeRequestOpen = "webhook_merge_request_hook.json";

    /// <summary>Merge Request Hook, action <c>update</c> with <c>oldrev</c>: project 42 <c>mygroup/my-project</c>, MR !7.</summary>
    public const string MergeRequestUpdateWithOldrev = "webhook_merge_request_hook_update_with_oldrev.json";

    /// <summary>Note Hook on MR !7 of project 42 mentioning <c>@tributary</c>: note 500 by bob (3), with a discussion id.</summary>
    public const string NoteMention = "webhook_note_hook_mr_mention_with_discussion.json";

    /// <summary>Note Hook on MR !1 of project 5 without a mention, action <c>create</c>.</summary>
    public const string NoteOnMergeRequest = "webhook_note_hook_on_merge_request.json";

    /// <summary>Note Hook on an issue.</summary>
    public const string NoteOnIssue = "webhook_note_hook_on_issue.json";

    /// <summary>Pipeline Hook.</summary>
    public const string Pipeline = "webhook_pipeline_hook.json";

    /// <summary>The fixture's text, exactly as stored.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(GitLabWebhookFixtures).Assembly.GetManifestResourceStream($"GitLabWebhooks.Fixtures.{name}")
            ?? throw new InvalidOperationException($"webhook fixture {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The fixture parsed, to change a field before sending it.</summary>
    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();
}
