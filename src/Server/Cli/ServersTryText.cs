using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Cli;

/// <summary>The readable output of <c>tributary servers try</c> without <c>--call</c>.</summary>
internal static class ServersTryText
{
    /// <summary>Writes the server's tools (name and first line of the description), then how many tools, resources, resource templates and prompts it has.</summary>
    public static void WriteTools(TextWriter output, CatalogSnapshot snapshot, string serverName)
    {
        var tools = snapshot.Tools.Where(t => t.ServerName == serverName).ToList();
        if (tools.Count == 0)
        {
            output.WriteLine("no tools");
        }
        else
        {
            TextTable.Write(output, [["TOOL", "DESCRIPTION"], .. tools.Select(t => (IReadOnlyList<string>)[t.OriginalName, ToolsListText.FirstLine(t.Definition.Description)])]);
        }

        output.WriteLine();
        output.WriteLine($"{Plural.Of(tools.Count, "tool")}, {Plural.Of(snapshot.Resources.Count(r => r.ServerName == serverName), "resource")}, {Plural.Of(snapshot.ResourceTemplates.Count(t => t.ServerName == serverName), "resource template")}, {Plural.Of(snapshot.Prompts.Count(p => p.ServerName == serverName), "prompt")}");
    }
}
