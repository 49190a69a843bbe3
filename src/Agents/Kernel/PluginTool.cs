namespace Tributary.Agents.Kernel;

/// <summary>What a kernel function stands for: the server (or <c>gitlab</c>) and the tool's own name.</summary>
/// <param name="Server">The registry server, or <c>gitlab</c> for a built-in tool.</param>
/// <param name="Tool">The tool's name on that server.</param>
public sealed record PluginTool(string Server, string Tool);
