namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Expands the values of one server, stopping at the first problem and keeping its description,
/// which names the variable, the server and the field but never a value.
/// </summary>
internal sealed class VariableExpander
{
    private readonly string _server;
    private readonly Func<string, string?> _readVariable;
    private readonly List<string> _secrets = [];

    public VariableExpander(string server, Func<string, string?> readVariable)
    {
        _server = server;

        // Whatever a variable holds is treated as a secret, wherever it is used.
        _readVariable = name =>
        {
            string? value = readVariable(name);
            if (!string.IsNullOrEmpty(value))
            {
                _secrets.Add(value);
            }

            return value;
        };
    }

    /// <summary>Every non-empty value read from a variable so far.</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    /// <summary>The first problem met, or <see langword="null"/>.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Expands <paramref name="text"/> (the value of <paramref name="field"/>); <see langword="null"/>
    /// in, or a problem met now or before, gives <see langword="null"/> out.
    /// </summary>
    public string? Expand(string field, string? text)
    {
        if (text is null || Problem is not null)
        {
            return null;
        }

        string? syntax = VariableTemplate.TryParse(text, out var parts);
        if (syntax is not null)
        {
            return Fail($"invalid variable reference ({Where(field)}): {syntax}");
        }

        string? value = VariableTemplate.Expand(parts, _readVariable, out string? missing);
        return value ?? Fail($"environment variable {missing} is not set ({Where(field)}); export it or set enabled: false");
    }

    /// <summary>Reads the bearer token from <paramref name="variable"/>; unset and empty are both problems.</summary>
    public string? ReadToken(string? variable)
    {
        if (Problem is not null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(variable))
        {
            return Fail($"auth_type is bearer but no variable is named ({Where("auth_token_env")}); set auth_token_env to the variable that holds the token");
        }

        string? token = _readVariable(variable);
        return string.IsNullOrEmpty(token)
            ? Fail($"environment variable {variable} is {(token is null ? "not set" : "empty")} ({Where("auth_token_env")}); export it or set enabled: false")
            : token;
    }

    /// <summary>Reads an OAuth client secret or key from <paramref name="variable"/> (named by <paramref name="field"/>); unset or empty is a problem.</summary>
    public string? ReadClientSecret(string variable, string field = "client_secret_env")
    {
        if (Problem is not null)
        {
            return null;
        }

        string? secret = _readVariable(variable);
        return string.IsNullOrEmpty(secret)
            ? Fail($"environment variable {variable} is {(secret is null ? "not set" : "empty")} ({Where(field)}); export it or set enabled: false")
            : secret;
    }

    /// <summary>Records <paramref name="problem"/> unless one is already recorded.</summary>
    public string? Fail(string problem)
    {
        Problem ??= problem;
        return null;
    }

    /// <summary>The "(server 'x', field 'y')" part of a problem.</summary>
    public string Where(string field) => $"server '{_server}', field '{field}'";
}
