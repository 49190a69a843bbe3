namespace Tributary.Agents.Definitions;

/// <summary>The agents defined beside <c>tributary.yml</c>, by name.</summary>
/// <param name="Directory">The folder they were read from (it may not exist).</param>
/// <param name="All">Every agent, ordered by name.</param>
public sealed record AgentDefinitions(string Directory, IReadOnlyList<AgentDefinition> All)
{
    /// <summary>No agents.</summary>
    public static AgentDefinitions Empty { get; } = new("agents", []);

    /// <summary>The agent named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public AgentDefinition? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
