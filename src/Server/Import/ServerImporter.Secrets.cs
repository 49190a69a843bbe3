using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tributary.Server.Import;

/// <summary>
/// Literal secrets (an API key in <c>env</c>, a token in a header, the query or the arguments) are replaced by a
/// variable reference; the note says which variable to export, never the value.
/// </summary>
internal sealed partial class ServerImporter
{
    private static readonly string[] s_secretPrefixes =
    [
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glrt-", "sk-", "sk_live_", "sk_test_", "rk_live_",
        "xoxb-", "xoxp-", "xoxa-", "xapp-", "AKIA", "AIza", "sntrys_", "lin_api_", "ntn_", "secret_",
    ];

    private List<string> Args(JsonElement entry, string server, string where)
    {
        var args = new List<string>();
        if (!entry.TryGetProperty("args", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return args;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ImportRefusedException($"{where}.args is not a list");
        }

        string? secretOption = null;
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            string path = $"{where}.args[{i++}]";
            string text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
            var option = OptionWithValue().Match(text);
            if (option.Success && NameLooksSecret(option.Groups[1].Value) && !option.Groups[2].Value.Contains("${", StringComparison.Ordinal))
            {
                args.Add($"{option.Groups[1].Value}={Secret(VariableFor(server, option.Groups[1].Value), path)}");
            }
            else if (!text.Contains("${", StringComparison.Ordinal) && (secretOption is not null || ValueLooksSecret(text)))
            {
                args.Add(Secret(VariableFor(server, secretOption ?? "secret"), path));
            }
            else
            {
                args.Add(Rewrite(WithoutPassword(text, server, path), path));
            }

            secretOption = text.StartsWith('-') && !text.Contains('=', StringComparison.Ordinal) && NameLooksSecret(text) ? text : null;
        }

        return args;
    }

    private List<KeyValuePair<string, string>> Env(JsonElement entry, string where) =>
        [.. Map(entry, "env", where).Select(pair =>
        {
            string path = $"{where}.env.{pair.Key}";
            bool literal = !pair.Value.Contains("${", StringComparison.Ordinal);
            return KeyValuePair.Create(pair.Key, literal && pair.Value.Length > 0 && (NameLooksSecret(pair.Key) || ValueLooksSecret(pair.Value))
                ? Secret(IsVariableName(pair.Key) ? pair.Key : VariableFor(pair.Key), path)
                : Rewrite(pair.Value, path));
        })];

    private List<KeyValuePair<string, string>> Headers(JsonElement entry, string server, string where) =>
        [.. Map(entry, "headers", where).Select(pair =>
        {
            string path = $"{where}.headers.{pair.Key}";
            if (pair.Value.Contains("${", StringComparison.Ordinal) || pair.Value.Length == 0)
            {
                return KeyValuePair.Create(pair.Key, Rewrite(pair.Value, path));
            }

            bool authorization = pair.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || pair.Key.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase);
            if (authorization)
            {
                var scheme = SchemeAndCredential().Match(pair.Value);
                string variable = VariableFor(server, "token");
                return KeyValuePair.Create(pair.Key, scheme.Success ? $"{scheme.Groups[1].Value} {Secret(variable, path)}" : Secret(variable, path));
            }

            return KeyValuePair.Create(pair.Key, NameLooksSecret(pair.Key) || ValueLooksSecret(pair.Value)
                ? Secret(VariableFor(server, pair.Key), path)
                : pair.Value);
        })];

    private string Url(string url, string server, string where)
    {
        string rewritten = QueryParameter().Replace(url, match =>
            NameLooksSecret(match.Groups[2].Value) && match.Groups[3].Value.Length > 0 && !match.Groups[3].Value.Contains("${", StringComparison.Ordinal)
                ? $"{match.Groups[1].Value}{match.Groups[2].Value}={Secret(VariableFor(server, match.Groups[2].Value), $"{where}.url (query '{match.Groups[2].Value}')")}"
                : match.Value);
        return Rewrite(WithoutPassword(rewritten, server, where + ".url"), where + ".url");
    }

    /// <summary><paramref name="text"/> with the password of a URL's user info (<c>postgres://user:pw@host</c>) replaced by a variable.</summary>
    private string WithoutPassword(string text, string server, string where) => UserInfo().Replace(text, match =>
        match.Groups[2].Value.Contains("${", StringComparison.Ordinal)
            ? match.Value
            : $"{match.Groups[1].Value}:{Secret(VariableFor(server, "password"), $"{where} (the password in the URL)")}@");

    /// <summary>A reference to <paramref name="variable"/> for the literal secret at <paramref name="where"/>, noted for export.</summary>
    private string Secret(string variable, string where)
    {
        string name = variable;
        for (int n = 2; _secretOrigins.TryGetValue(name, out string? other) && other != where; n++)
        {
            name = $"{variable}_{n}";
        }

        _secretOrigins[name] = where;
        _variables[name] = new ImportNote(name, $"was written in {where}; the value was not copied");
        return $"${{{name}}}";
    }

    private static bool NameLooksSecret(string name) => SecretName().IsMatch(name);

    private static bool ValueLooksSecret(string value) =>
        s_secretPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal) && value.Length >= p.Length + 8)
        || (value.StartsWith("eyJ", StringComparison.Ordinal) && value.Length > 30);

    [GeneratedRegex("(?i)(key|token|secret|passw|pwd|credential|auth|cookie|session|bearer|(^|[^a-z])pat([^a-z]|$))")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^(--?[A-Za-z0-9_-]+)=(.*)$")]
    private static partial Regex OptionWithValue();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_-]*)\s+(\S.*)$")]
    private static partial Regex SchemeAndCredential();

    [GeneratedRegex(@"(://[^:/@\s]+):([^@/\s]+)@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([?&])([^=&#]+)=([^&#]*)")]
    private static partial Regex QueryParameter();
}
