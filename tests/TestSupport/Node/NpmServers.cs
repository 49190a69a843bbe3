namespace Tributary.TestSupport.Node;

/// <summary>Command lines that run the real npm MCP servers over stdio.</summary>
public static class NpmServers
{
    private static readonly IReadOnlyDictionary<string, string> s_noEnvironment = new Dictionary<string, string>();

    /// <summary>Gets the command running <c>server-everything</c> over stdio (<c>node dist/index.js stdio</c>).</summary>
    /// <returns>The command.</returns>
    public static NodeCommand Everything() =>
        new(NodeTools.SystemNode, [NodeTools.EverythingScript, "stdio"], s_noEnvironment);

    /// <summary>
    /// Gets the command running <c>npm/scripts/conformance-upstream.mjs</c> over stdio: a TypeScript-SDK server with
    /// the tools, prompts and resources the conformance suite's server scenarios call by fixed names.
    /// </summary>
    /// <returns>The command.</returns>
    public static NodeCommand ConformanceUpstream() =>
        new(NodeTools.SystemNode, [Path.Combine(NodeTools.NpmRoot, "scripts", "conformance-upstream.mjs")], s_noEnvironment);

    /// <summary>
    /// Gets the command running <c>npm/scripts/interview-upstream.mjs</c> over stdio: a TypeScript-SDK server whose tool
    /// <c>interview</c> waits until two calls are in flight, then logs, samples and elicits.
    /// </summary>
    /// <returns>The command.</returns>
    public static NodeCommand InterviewUpstream() =>
        new(NodeTools.SystemNode, [Path.Combine(NodeTools.NpmRoot, "scripts", "interview-upstream.mjs")], s_noEnvironment);

    /// <summary>Gets the command running <c>server-memory</c>, keeping its knowledge graph in a file of the test's.</summary>
    /// <param name="memoryFilePath">The JSON-lines file the server reads and writes (<c>MEMORY_FILE_PATH</c>).</param>
    /// <returns>The command.</returns>
    public static NodeCommand Memory(string memoryFilePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memoryFilePath);
        return new(
            NodeTools.SystemNode,
            [NodeTools.MemoryScript],
            new Dictionary<string, string> { ["MEMORY_FILE_PATH"] = Path.GetFullPath(memoryFilePath) });
    }

    /// <summary>Gets the command running <c>server-filesystem</c> limited to the given directories.</summary>
    /// <param name="allowedDirectories">The directories the server may read and write; at least one.</param>
    /// <returns>The command.</returns>
    public static NodeCommand Filesystem(params string[] allowedDirectories)
    {
        ArgumentNullException.ThrowIfNull(allowedDirectories);
        if (allowedDirectories.Length == 0)
        {
            throw new ArgumentException("server-filesystem needs at least one allowed directory.", nameof(allowedDirectories));
        }

        return new(
            NodeTools.SystemNode,
            [NodeTools.FilesystemScript, .. allowedDirectories.Select(Path.GetFullPath)],
            s_noEnvironment);
    }
}
