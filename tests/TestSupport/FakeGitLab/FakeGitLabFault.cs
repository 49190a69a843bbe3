namespace Tributary.TestSupport.FakeGitLab;

/// <summary>A failure the fake answers instead of the real reply.</summary>
/// <param name="Status">The HTTP status, e.g. 429 or 500.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header, if any.</param>
internal sealed record FakeGitLabFault(int Status, TimeSpan? RetryAfter);
