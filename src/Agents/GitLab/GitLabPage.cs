using System.Text.Json;

namespace Tributary.Agents.GitLab;

/// <summary>Items gathered across GitLab's pages, up to the caller's bound.</summary>
/// <param name="Items">The items, in GitLab's order.</param>
/// <param name="HasMore">Whether GitLab had more than the bound allowed.</param>
internal sealed record GitLabPage(IReadOnlyList<JsonElement> Items, bool HasMore);
