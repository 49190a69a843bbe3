using System.CommandLine;

namespace Tributary.Server.Cli;

/// <summary>The examples <c>--help</c> shows under each command, keyed by the command's path (<c>tributary config check</c>).</summary>
internal static class CommandExamples
{
    private static readonly Dictionary<string, string[]> s_examples = new(StringComparer.Ordinal)
    {
        ["tributary"] =
        [
            "tributary init                      # a starter config/tributary.yml and agents in this folder",
            "tributary config check              # is the registry valid?",
            "tributary                           # serve /mcp and /health at http://127.0.0.1:8420",
        ],
        ["tributary init"] =
        [
            "tributary init                      # config/ in this folder",
            "tributary init /srv/tributary --force",
        ],
        ["tributary serve"] =
        [
            "tributary serve",
            "tributary serve --urls http://0.0.0.0:8420   # beyond loopback: export TRIBUTARY_MCP_KEY first",
        ],
        ["tributary config"] = ["tributary config check --config /etc/tributary/tributary.yml"],
        ["tributary config check"] =
        [
            "tributary config check",
            "tributary config check --config /etc/tributary/tributary.yml",
        ],
        ["tributary config schema"] =
        [
            "tributary config schema > tributary.schema.json",
            "tributary config schema --for repo > .tributary.schema.json   # for a repository's .tributary.yml",
        ],
        ["tributary config import"] =
        [
            "tributary config import .vscode/mcp.json                    # print the entries",
            "tributary config import ~/.config/Claude/claude_desktop_config.json --write",
            "tributary config import .mcp.json > imported.yml && tributary config check --config imported.yml",
        ],
        ["tributary tools"] = ["tributary tools list --json"],
        ["tributary tools list"] = ["tributary tools list", "tributary tools list --json | jq '.tools[].name'"],
        ["tributary tools call"] =
        [
            "tributary tools call everything__echo --args '{\"message\":\"hi\"}'",
            "tributary tools call gitlab__get_merge_request --args '{\"project\":\"group/app\",\"mr_iid\":12}'",
        ],
        ["tributary agents"] = ["tributary agents list"],
        ["tributary agents list"] = ["tributary agents list"],
        ["tributary agents run"] =
        [
            "tributary agents run chat --prompt 'What does this project build?' --project group/app",
            "tributary agents run reviewer --prompt 'Review this merge request' --project group/app --mr 12",
        ],
        ["tributary auth"] = ["tributary auth login linear", "tributary auth status"],
        ["tributary auth login"] =
        [
            "tributary auth login linear                          # prints the URL, opens it on a desktop",
            "tributary auth login linear --open-with firefox",
        ],
        ["tributary auth status"] = ["tributary auth status"],
        ["tributary auth logout"] = ["tributary auth logout linear"],
        ["tributary servers"] = ["tributary servers try http://127.0.0.1:3001/mcp"],
        ["tributary servers try"] =
        [
            "tributary servers try http://127.0.0.1:3001/mcp",
            "tributary servers try -H \"Authorization: Bearer $TOKEN\" --call echo --args '{\"message\":\"hi\"}' https://mcp.example.com/mcp",
        ],
        ["tributary review"] =
        [
            "tributary review --project group/app --mr 12 --dry-run",
            "tributary review                    # in a GitLab CI merge request pipeline",
        ],
        ["tributary connect"] =
        [
            "tributary connect claude-code | sh",
            "tributary connect vscode > .vscode/mcp.json",
            "tributary connect cursor --url https://tributary.example.com/mcp",
        ],
    };

    /// <summary>The examples of <paramref name="command"/>; empty when it has none.</summary>
    public static IReadOnlyList<string> For(Command command) => s_examples.GetValueOrDefault(PathOf(command)) ?? [];

    /// <summary>The names from the root down to <paramref name="command"/>, separated by spaces.</summary>
    public static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Add(symbol.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
