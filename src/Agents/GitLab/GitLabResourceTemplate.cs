namespace Tributary.Agents.GitLab;

/// <summary>One built-in GitLab resource template: <c>gitlab://project/{project_path}/{Suffix}</c>.</summary>
/// <param name="Suffix">What follows the project path, e.g. <c>readme</c> or <c>merge-requests/open</c>.</param>
/// <param name="Name">A short name, e.g. <c>project_readme</c>.</param>
/// <param name="Description">What reading it gives.</param>
/// <param name="MimeType">The content's type.</param>
public sealed record GitLabResourceTemplate(string Suffix, string Name, string Description, string MimeType)
{
    /// <summary>What every template's URI starts with.</summary>
    public const string UriPrefix = "gitlab://project/";

    /// <summary>The RFC 6570 template, e.g. <c>gitlab://project/{project_path}/readme</c>.</summary>
    public string UriTemplate => $"{UriPrefix}{{project_path}}/{Suffix}";

    /// <summary>
    /// The project path of <paramref name="uri"/> when it is this template's (<c>gitlab://project/acme%2Fweb/readme</c>
    /// or, unencoded, <c>gitlab://project/acme/web/readme</c>), else <see langword="null"/>.
    /// </summary>
    public string? MatchProject(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string suffix = "/" + Suffix;
        if (!uri.StartsWith(UriPrefix, StringComparison.Ordinal) || !uri.EndsWith(suffix, StringComparison.Ordinal)
            || uri.Length <= UriPrefix.Length + suffix.Length)
        {
            return null;
        }

        string project = Uri.UnescapeDataString(uri[UriPrefix.Length..^suffix.Length]);
        return project.Length > 0 ? project : null;
    }
}
