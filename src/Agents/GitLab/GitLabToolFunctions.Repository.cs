using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Agents.GitLab;

/// <summary>Repository tools: files, tree, code search.</summary>
internal sealed partial class GitLabToolFunctions
{
    private const int MaxFileLength = 100_000;

    // Enough bytes for MaxFileLength characters of any UTF-8 text; GitLab sends the whole file, this is all that is read.
    private const int MaxFileDownload = MaxFileLength * 4;
    private const int MaxTreeEntries = 300;
    private const int MaxSearchResults = 20;
    private const int MaxSnippetLength = 1_000;

    [Description("Gets the text of one file of a project's repository at a branch, tag or commit. Long files are cut and say so.")]
    public async Task<string> GetFileContentAsync(
        [Description(ProjectDescription)] string project,
        [Description("The file's path in the repository, e.g. 'src/app/main.py'.")] string file_path,
        [Description("A branch, tag or commit SHA; empty for the project's default branch.")] string @ref = "",
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(file_path))
        {
            throw new GitLabException("file_path is empty; give the file's path in the repository, e.g. 'README.md'.", GitLabFailure.Rejected);
        }

        string reference = string.IsNullOrWhiteSpace(@ref) ? await client.GetDefaultBranchAsync(project, cancellationToken) : @ref.Trim();
        var file = await client.GetFileAsync(project, file_path, reference, MaxFileDownload, cancellationToken);
        if (!file.IsCut)
        {
            return ToolOutput.Bound(file.Text, MaxFileLength);
        }

        string head = file.Text.Length > MaxFileLength ? file.Text[..MaxFileLength] : file.Text;
        string size = file.Length is { } length ? string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes") : string.Create(CultureInfo.InvariantCulture, $"larger than {MaxFileDownload:N0} bytes");
        return string.Create(CultureInfo.InvariantCulture, $"{head}\n[truncated: the file is {size}; only the first {head.Length:N0} characters are shown]");
    }

    [Description("Lists the files and directories of a project's repository under a path, recursively, at a branch, tag or commit: one line per entry, 'tree' for directories and 'blob' for files.")]
    public async Task<string> GetRepositoryTreeAsync(
        [Description(ProjectDescription)] string project,
        [Description("The directory to list, e.g. 'src'; empty for the repository root.")] string path = "",
        [Description("A branch, tag or commit SHA; empty for the project's default branch.")] string @ref = "",
        CancellationToken cancellationToken = default)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var query = new StringBuilder($"projects/{Number(id)}/repository/tree?recursive=true");
        if (!string.IsNullOrWhiteSpace(path))
        {
            query.Append("&path=").Append(Query(path.Trim().Trim('/')));
        }

        if (!string.IsNullOrWhiteSpace(@ref))
        {
            query.Append("&ref=").Append(Query(@ref.Trim()));
        }

        string where = string.IsNullOrWhiteSpace(path) ? "the root" : $"'{path.Trim().Trim('/')}'";
        var page = await client.GetPagedAsync(query.ToString(), MaxTreeEntries, $"the repository tree at {where} of {GitLabClient.ProjectSubject(project)}", cancellationToken);
        var text = new StringBuilder();
        foreach (var entry in page.Items)
        {
            text.Append(entry.GetProperty("type").GetString()).Append(' ').Append(entry.GetProperty("path").GetString()).Append('\n');
        }

        if (page.Items.Count == 0)
        {
            text.Append("(empty: no files under ").Append(where).Append(")\n");
        }

        if (page.HasMore)
        {
            text.Append("[truncated: only the first ").Append(MaxTreeEntries).Append(" entries are shown; list a subdirectory with path]\n");
        }

        return text.ToString();
    }

    [Description("Searches the code of a project's default branch for a text; returns up to 20 matches with file path, first line number and the matching lines.")]
    public async Task<string> SearchCodeAsync(
        [Description(ProjectDescription)] string project,
        [Description("The text to search for, e.g. a function name.")] string query,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new GitLabException("query is empty; give the text to search for.", GitLabFailure.Rejected);
        }

        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var page = await client.GetPagedAsync(
            $"projects/{Number(id)}/search?scope=blobs&search={Query(query)}",
            MaxSearchResults,
            $"code search in {GitLabClient.ProjectSubject(project)}",
            cancellationToken);
        return Listing(project, page, "matches", DescribeMatch, ("query", query));
    }

    private static JsonObject DescribeMatch(JsonElement match)
    {
        var item = ToolOutput.Pick(match, "path", "ref", "startline");
        item["data"] = ToolOutput.Bound(match.TryGetProperty("data", out var data) ? data.GetString() ?? string.Empty : string.Empty, MaxSnippetLength);
        return item;
    }
}
