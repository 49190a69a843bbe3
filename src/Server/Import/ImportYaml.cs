using System.Text;
using System.Text.RegularExpressions;

namespace Tributary.Server.Import;

/// <summary>Writes imported entries as registry YAML, and the account of the import as lines for the user.</summary>
internal static partial class ImportYaml
{
    /// <summary>The entries, each name indented by <paramref name="indent"/> spaces and its fields by two more.</summary>
    public static string Entries(IEnumerable<ImportedServer> servers, int indent)
    {
        var text = new StringBuilder();
        string pad = new(' ', indent);
        string field = new(' ', indent + 2);
        foreach (var server in servers)
        {
            text.Append(pad).Append(Key(server.Name)).Append(":\n");
            if (server.Transport != "streamable-http")
            {
                text.Append(field).Append("transport: ").Append(server.Transport).Append('\n');
            }

            Line(text, field, "command", server.Command);
            if (server.Args.Count > 0)
            {
                text.Append(field).Append("args: [").AppendJoin(", ", server.Args.Select(Scalar)).Append("]\n");
            }

            Map(text, field, "env", server.Env);
            Line(text, field, "cwd", server.Cwd);
            Line(text, field, "url", server.Url);
            if (server.Headers.Count > 0)
            {
                text.Append(field).Append("auth_type: header\n");
                Map(text, field, "headers", server.Headers);
            }

            if (!server.Enabled)
            {
                text.Append(field).Append("enabled: false\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The account of <paramref name="result"/>: what was imported, the variables to export, what was not imported and why.</summary>
    public static IReadOnlyList<string> Account(ImportResult result)
    {
        var lines = new List<string>
        {
            $"Imported from {result.Source} ({result.Client}): {Plural(result.Servers.Count, "server")}{(result.Skipped.Count > 0 ? $", {result.Skipped.Count} not imported" : string.Empty)}.",
        };
        if (result.Variables.Count > 0)
        {
            lines.Add("Export these before 'tributary serve' (a server whose variable is unset is reported as not configured):");
            int width = result.Variables.Max(v => v.Subject.Length);
            lines.AddRange(result.Variables.Select(v => $"  {v.Subject.PadRight(width)}  {v.Text}"));
        }

        if (result.Skipped.Count > 0)
        {
            lines.Add("Not imported:");
            lines.AddRange(result.Skipped.Select(s => $"  {s.Subject}: {s.Text}"));
        }

        if (result.Ignored.Count > 0)
        {
            lines.Add("Left out:");
            lines.AddRange(result.Ignored.Select(s => $"  {s.Text}"));
        }

        return lines;
    }

    /// <summary>A YAML scalar for <paramref name="value"/>: plain when that reads back as the same string, else double-quoted.</summary>
    public static string Scalar(string value) =>
        Plain().IsMatch(value) && !Reserved().IsMatch(value) ? value : Quoted(value);

    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                _ when char.IsControl(c) => text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    private static string Key(string key) => Scalar(key);

    private static void Line(StringBuilder text, string pad, string field, string? value)
    {
        if (value is not null)
        {
            text.Append(pad).Append(field).Append(": ").Append(Scalar(value)).Append('\n');
        }
    }

    private static void Map(StringBuilder text, string pad, string field, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        text.Append(pad).Append(field).Append(":\n");
        foreach (var (key, value) in values)
        {
            text.Append(pad).Append("  ").Append(Key(key)).Append(": ").Append(Scalar(value)).Append('\n');
        }
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    // Plain YAML may not start with an indicator such as '@', '-', '*' or '&'; anything else is quoted.
    [GeneratedRegex(@"^[A-Za-z_/.][A-Za-z0-9_./@+-]*$")]
    private static partial Regex Plain();

    [GeneratedRegex("^(?i:true|false|yes|no|on|off|null|y|n)$")]
    private static partial Regex Reserved();
}
