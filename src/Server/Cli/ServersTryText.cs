using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Cli;

/// <summary>The readable output of <c>tributary servers try</c> without <c>--call</c>.</summary>
internal static class ServersTryText
{
    /// <summary>Writes the server's tools (name and first line of the description), then how many tools, resources, resource templates and prompts it has.</summary>
    public static void WriteTools(TextWriter output, CatalogSnapshot snapshot)
    {
        if (snapshot.Tools.Count == 0)
        {
            output.WriteLine("no tools");
        }
        else
        {
            TextTable.Write(output, [["TOOL", "DESCRIPTION"], .. snapshot.Tools.Select(t => (IReadOnlyList<string>)[t.OriginalName, ToolsListText.FirstLine(t.Upstream.ProtocolTool.Description)])]);
        }

        output.WriteLine();
        output.WriteLine($"{Plural.Of(snapshot.Tools.Count, "tool")}, {Plural.Of(snapshot.Resources.Count, "resource")}, {Plural.Of(snapshot.ResourceTemplates.Count, "resource template")}, {Plural.Of(snapshot.Prompts.Count, "prompt")}");
    }
}
