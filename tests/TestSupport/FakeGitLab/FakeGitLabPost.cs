using System.Text.Json;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Something posted to the fake GitLab (a note, an issue), with its JSON body as sent.</summary>
/// <param name="Path">The path it was posted to, e.g. <c>/api/v4/projects/278964/merge_requests/14656/notes</c>.</param>
/// <param name="Body">The body.</param>
public sealed record FakeGitLabPost(string Path, JsonElement Body);
