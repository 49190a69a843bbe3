using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Cli;

/// <summary>The readable output of <c>tributary tools list</c>: tools, then servers, then collisions, then the built-in GitLab tools.</summary>
internal static class ToolsListText
{
    /// <summary>Writes the three sections to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<ServerHealth> health, CatalogSnapshot snapshot)
    {
        var tools = ServerTools(health, snapshot);
        if (tools.Count == 0)
        {
            output.WriteLine("no tools available");
        }
        else
        {
            TextTable.Write(output, [["TOOL", "SERVER", "DESCRIPTION"], .. tools.Select(ToolRow)]);
        }

        output.WriteLine();
        TextTable.Write(output, [["SERVER", "TRANSPORT", "STATE", "TOOLS", "LAST ERROR"], .. health.Select(ServerRow)]);
        WriteCollisions(output, snapshot.Collisions);
    }

    /// <summary>Writes the name collisions section, if there are any.</summary>
    public static void WriteCollisions(TextWriter output, IReadOnlyList<NameCollision> collisions)
    {
        if (collisions.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("NAME COLLISIONS");
        foreach (var collision in collisions)
        {
            output.WriteLine(Describe(collision));
        }
    }

    /// <summary>Writes the built-in GitLab tools: the instance, whether a token is set, and each tool with its access.</summary>
    public static void WriteGitLab(TextWriter output, ToolsListGitLab gitLab)
    {
        output.WriteLine();
        output.WriteLine($"GITLAB TOOLS (built in, {gitLab.Url}{(gitLab.Problem is null ? string.Empty : ", not configured")})");
        TextTable.Write(output, [["TOOL", "ACCESS", "DESCRIPTION"], .. gitLab.Tools.Select(t => (IReadOnlyList<string>)[t.Name, t.ReadOnly ? "read" : "write", FirstLine(t.Description)])]);
        if (gitLab.Problem is { } problem)
        {
            output.WriteLine(problem);
        }
    }

    /// <summary>The tools of the registry's servers (the built-in sources' tools have their own section).</summary>
    public static IReadOnlyList<ExposedTool> ServerTools(IReadOnlyList<ServerHealth> health, CatalogSnapshot snapshot)
    {
        var servers = health.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        return [.. snapshot.Tools.Where(t => servers.Contains(t.ServerName))];
    }

    private static IReadOnlyList<string> ToolRow(ExposedTool tool) =>
        [tool.Name, tool.ServerName, FirstLine(tool.Definition.Description)];

    private static IReadOnlyList<string> ServerRow(ServerHealth health) =>
    [
        health.Name,
        ServerText.Transport(health.Transport),
        ServerText.State(health.State),
        health.State == ServerState.Connected ? health.ToolCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-",
        health.LastError ?? string.Empty,
    ];

    private static string Describe(NameCollision c) =>
        $"{c.Kind} '{c.OriginalName}' of server '{c.ServerName}' wanted '{c.WantedName}', which '{c.KeptBy}' kept: " +
        (c.ResolvedName is null ? "hidden" : $"exposed as '{c.ResolvedName}'");

    /// <summary>The first line of <paramref name="text"/>, trimmed; empty for none.</summary>
    public static string FirstLine(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }
}
