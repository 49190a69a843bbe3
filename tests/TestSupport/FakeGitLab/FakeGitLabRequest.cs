namespace Tributary.TestSupport.FakeGitLab;

/// <summary>One request the fake GitLab received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path as sent (percent-encoding kept, e.g. <c>/api/v4/projects/acme%2Fweb</c>).</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="ReceivedAt">When it arrived (the fake's clock).</param>
public sealed record FakeGitLabRequest(string Method, string Path, string Query, DateTimeOffset ReceivedAt);
