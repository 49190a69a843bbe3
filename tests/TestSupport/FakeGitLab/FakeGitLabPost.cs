using System.Text.Json;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Something written to the fake GitLab (a note, a discussion, an issue, an edit), with its JSON body as sent.</summary>
/// <param name="Path">The path it was sent to, e.g. <c>/api/v4/projects/278964/merge_requests/14656/notes</c>.</param>
/// <param name="Body">The body.</param>
/// <param name="Method">The HTTP method: <c>POST</c>, or <c>PUT</c> for an edit.</param>
public sealed record FakeGitLabPost(string Path, JsonElement Body, string Method = "POST");
