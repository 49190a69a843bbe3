using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Definitions;

/// <summary>One agent, as defined in <c>agents/NAME.yml</c>.</summary>
public sealed record AgentDefinition
{
    /// <summary>The longest a run may take when the file sets no <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The most tool calls of a run when the file sets no <c>max_tool_calls</c>.</summary>
    public const int DefaultMaxToolCalls = 20;

    /// <summary>The most characters of one tool result handed to the model when the file sets no <c>max_tool_result_chars</c>.</summary>
    public const int DefaultMaxToolResultChars = 20_000;

    /// <summary>The agent's name (<c>tributary agents run NAME</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What it is for, shown by <c>tributary agents list</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The system prompt, with its placeholders.</summary>
    public required InstructionTemplate Instructions { get; init; }

    /// <summary>The <c>models</c> entry it runs on.</summary>
    public required string Model { get; init; }

    /// <summary>Which built-in GitLab tools it gets.</summary>
    public GitLabToolAccess GitLabTools { get; init; } = GitLabToolAccess.Read;

    /// <summary>The registry servers whose tools it gets, unless a repository's <c>.tributary.yml</c> replaces the list.</summary>
    public IReadOnlyList<string> McpServers { get; init; } = [];

    /// <summary>
    /// Registry servers beyond <see cref="McpServers"/> that a repository's <c>.tributary.yml</c> may choose for this
    /// agent (<c>repository_selectable_servers</c>); the operator's explicit consent, since the agent calls them with
    /// Tributary's credentials.
    /// </summary>
    public IReadOnlyList<string> RepositorySelectableServers { get; init; } = [];

    /// <summary>What a repository may choose among: <see cref="McpServers"/>, then <see cref="RepositorySelectableServers"/>.</summary>
    public IReadOnlyList<string> RepositoryChoices => [.. McpServers.Concat(RepositorySelectableServers).Distinct(StringComparer.Ordinal)];

    /// <summary>How many tools it may call in one run before it must answer.</summary>
    public int MaxToolCalls { get; init; } = DefaultMaxToolCalls;

    /// <summary>The longest one run may take.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The sampling temperature; <see langword="null"/> takes the model's.</summary>
    public double? Temperature { get; init; }

    /// <summary>The most characters of one tool result handed to the model; the rest is cut with a note.</summary>
    public int MaxToolResultChars { get; init; } = DefaultMaxToolResultChars;

    /// <summary>Where it is defined.</summary>
    public ConfigLocation Location { get; init; }
}
