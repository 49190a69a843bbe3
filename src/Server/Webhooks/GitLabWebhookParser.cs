using Tributary.Agents.Chat;
using System.Text.Json;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Turns a GitLab delivery (its <c>X-Gitlab-Event</c> and parsed body) into work: a review for a merge request
/// opened, reopened or given new commits; an answer for a note on a merge request that mentions Tributary.
/// Everything else is ignored; a body lacking what the decision or the work needs is a problem.
/// </summary>
internal sealed class GitLabWebhookParser(NoteMention mention)
{
    /// <summary>The <c>X-Gitlab-Event</c> of merge request deliveries.</summary>
    public const string MergeRequestHook = "Merge Request Hook";

    /// <summary>The <c>X-Gitlab-Event</c> of comment deliveries.</summary>
    public const string NoteHook = "Note Hook";

    /// <summary>Reads the delivery <paramref name="deliveryId"/> of <paramref name="eventName"/>.</summary>
    public WebhookParse Parse(string eventName, JsonElement root, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (eventName is not (MergeRequestHook or NoteHook))
        {
            return WebhookParse.Ignore($"'{eventName}' deliveries ask for nothing (Tributary acts on '{MergeRequestHook}' and '{NoteHook}')");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return WebhookParse.Invalid($"the {eventName} body is JSON but not an object; send the body GitLab sends, unchanged");
        }

        var fields = new PayloadFields(root, eventName);
        try
        {
            return eventName == MergeRequestHook ? MergeRequest(fields, deliveryId) : Note(fields, deliveryId);
        }
        catch (PayloadException e)
        {
            return WebhookParse.Invalid(e.Message);
        }
    }

    private static WebhookParse MergeRequest(PayloadFields fields, string deliveryId)
    {
        fields.Object("object_attributes");
        var action = fields.String("object_attributes.action");
        switch (action)
        {
            case "open" or "reopen":
                break;
            case "update" when fields.OptionalString("object_attributes.oldrev") is { Length: > 0 }:
                break;
            case "update":
                return WebhookParse.Ignore("an update without new commits (no 'oldrev': a title, description or label change)");
            default:
                return WebhookParse.Ignore($"merge request action '{action}' needs no review");
        }

        fields.Object("project");
        return WebhookParse.Queue(new ReviewWork(
            fields.Id("project.id"),
            fields.String("project.path_with_namespace"),
            fields.Iid("object_attributes.iid"),
            deliveryId));
    }

    private WebhookParse Note(PayloadFields fields, string deliveryId)
    {
        fields.Object("object_attributes");
        var noteable = fields.String("object_attributes.noteable_type");
        if (noteable != "MergeRequest")
        {
            return WebhookParse.Ignore($"a note on a {noteable}, not on a merge request");
        }

        if (fields.OptionalFlag("object_attributes.system"))
        {
            return WebhookParse.Ignore("a system note");
        }

        // GitLab fires Note Hooks for edits too ("update"); only a new note is a new question.
        if (fields.OptionalString("object_attributes.action") is { } action && action != "create")
        {
            return WebhookParse.Ignore($"note action '{action}' (only new notes are answered)");
        }

        var note = fields.String("object_attributes.note");
        if (!mention.IsIn(note))
        {
            return WebhookParse.Ignore($"the note does not mention @{mention.Name}");
        }

        fields.Object("user");
        var author = fields.String("user.username");
        if (string.Equals(author, mention.Name, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookParse.Ignore($"the note is @{mention.Name}'s own");
        }

        fields.Object("project");
        fields.Object("merge_request");
        return WebhookParse.Queue(new MentionWork(
            fields.Id("project.id"),
            fields.String("project.path_with_namespace"),
            fields.Iid("merge_request.iid"),
            deliveryId,
            fields.Id("object_attributes.id"),
            fields.String("object_attributes.discussion_id"),
            note,
            fields.Id("object_attributes.author_id"),
            author));
    }
}
