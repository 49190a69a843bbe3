namespace Tributary.Server.Health;

/// <summary>What <c>/health</c> says about GitLab.</summary>
/// <param name="State"><c>not configured</c>, <c>configured</c> (not checked), <c>connected</c> or <c>failed</c> (after a probe).</param>
/// <param name="Url">The GitLab instance.</param>
/// <param name="User">The token's user, after a successful probe.</param>
/// <param name="LastError">Why it is not usable, if it is not.</param>
/// <param name="Latency">The probe's round trip.</param>
internal sealed record GitLabHealth(string State, Uri Url, string? User, string? LastError, TimeSpan? Latency);
