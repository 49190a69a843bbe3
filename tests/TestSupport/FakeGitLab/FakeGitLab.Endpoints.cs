using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>The API endpoints the built-in tools use, answered from <see cref="Data"/>.</summary>
public sealed partial class FakeGitLab
{
    private const string Api = "/api/v4";

    private static IResult NotFound(string what) => Results.Json(new { message = $"404 {what} Not Found" }, statusCode: 404);

    private void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet($"{Api}/user", () => Results.Json(Data.User(FakeGitLabData.BotUserId)));
        app.MapGet($"{Api}/projects/{{id}}", (string id) => Project(id) is { } p ? Results.Json(p) : NotFound("Project"));

        app.MapGet($"{Api}/projects/{{id}}/merge_requests", (string id, HttpContext http) => WithProject(id, p =>
            Page(http, Data.MergeRequests[p].Where(mr => Matches(mr, http.Request.Query["state"])).Reverse())));
        app.MapGet($"{Api}/projects/{{id}}/merge_requests/{{iid:int}}", (string id, int iid) => WithProject(id, p =>
            Snapshot(() => Data.MergeRequests[p].FirstOrDefault(mr => (int?)mr["iid"] == iid)) is { } mr ? Results.Json(mr) : NotFound("Merge Request")));
        app.MapGet($"{Api}/projects/{{id}}/merge_requests/{{iid:int}}/diffs", (string id, int iid, HttpContext http) => WithProject(id, p =>
            Snapshot(() => Data.Diffs.GetValueOrDefault((p, iid))) is { } diffs ? Page(http, diffs) : NotFound("Merge Request")));
        MapReviewEndpoints(app);
        MapNoteEndpoints(app);
        MapUserEndpoints(app);

        app.MapGet($"{Api}/projects/{{id}}/issues", (string id, HttpContext http) => WithProject(id, p =>
        {
            string[] labels = http.Request.Query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Page(http, Data.Issues[p].Where(i => Matches(i, http.Request.Query["state"]) && labels.All(l => i["labels"]!.AsArray().Any(x => (string?)x == l))).Reverse());
        }));
        app.MapGet($"{Api}/projects/{{id}}/issues/{{iid:int}}", (string id, int iid) => WithProject(id, p =>
            Data.Issues[p].FirstOrDefault(i => (int?)i["iid"] == iid) is { } issue ? Results.Json(issue) : NotFound("Issue")));
        app.MapPost($"{Api}/projects/{{id}}/issues", async (string id, HttpContext http) =>
        {
            var body = await Posted(http);
            return WithProject(id, p =>
            {
                using var hold = Data.Sync.EnterScope();
                int iid = Data.Issues[p].Count + 1;
                string labels = body.TryGetProperty("labels", out var l) ? l.GetString() ?? string.Empty : string.Empty;
                var issue = new JsonObject
                {
                    ["id"] = (p * 100) + iid,
                    ["iid"] = iid,
                    ["project_id"] = p,
                    ["title"] = body.GetProperty("title").GetString(),
                    ["description"] = body.TryGetProperty("description", out var d) ? d.GetString() : null,
                    ["state"] = "opened",
                    ["labels"] = new JsonArray([.. labels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => (JsonNode?)x)]),
                    ["web_url"] = $"{Data.Projects[p]["web_url"]}/-/issues/{iid}",
                };
                Data.Issues[p].Add(issue);
                return Results.Json(issue, statusCode: 201);
            });
        });
        app.MapGet($"{Api}/projects/{{id}}/labels", (string id, HttpContext http) => WithProject(id, p => Page(http, Data.Labels[p])));

        app.MapGet($"{Api}/projects/{{id}}/repository/files/{{file}}/raw", (string id, string file, HttpContext http) => WithProject(id, p =>
            FileAt(p, Uri.UnescapeDataString(file), http.Request.Query["ref"]) is { } text
                ? Results.Text(text, "text/plain; charset=utf-8")
                : NotFound("File")));
        app.MapGet($"{Api}/projects/{{id}}/repository/tree", (string id, HttpContext http) => WithProject(id, p =>
            KnownRef(http.Request.Query["ref"]) ? Page(http, Tree(p, http.Request.Query["path"].ToString())) : NotFound("Tree")));
        app.MapGet($"{Api}/projects/{{id}}/search", (string id, HttpContext http) => WithProject(id, p =>
            Page(http, Search(p, http.Request.Query["search"].ToString()))));

        app.MapGet($"{Api}/projects/{{id}}/pipelines/latest", (string id, HttpContext http) => WithProject(id, p =>
            Data.Pipelines[p].FirstOrDefault(x => (string?)x["ref"] == http.Request.Query["ref"].ToString()) is { } pipeline ? Results.Json(pipeline) : NotFound("Pipeline")));
        app.MapGet($"{Api}/projects/{{id}}/pipelines/{{pipeline:long}}", (string id, long pipeline) => WithProject(id, p =>
            Data.Pipelines[p].FirstOrDefault(x => (long?)x["id"] == pipeline) is { } found ? Results.Json(found) : NotFound("Pipeline")));
        app.MapGet($"{Api}/projects/{{id}}/pipelines/{{pipeline:long}}/jobs", (string id, long pipeline, HttpContext http) => WithProject(id, p =>
        {
            if (!Data.Jobs.TryGetValue(pipeline, out var jobs) || !Data.Pipelines[p].Any(x => (long?)x["id"] == pipeline))
            {
                return NotFound("Pipeline");
            }

            var scope = http.Request.Query["scope[]"];
            return Page(http, jobs.Where(j => scope.Count == 0 || scope.Contains((string?)j["status"])));
        }));
        app.MapGet($"{Api}/projects/{{id}}/jobs/{{job:long}}/trace", (string id, long job) => WithProject(id, _ =>
            Data.Traces.TryGetValue(job, out var trace) ? Results.Text(trace, "text/plain; charset=utf-8") : NotFound("Job")));
    }

    private static bool Matches(JsonObject item, Microsoft.Extensions.Primitives.StringValues state) =>
        state.Count == 0 || state[0] is "all" or null || (string?)item["state"] == state[0];

    private string? FileAt(long project, string path, Microsoft.Extensions.Primitives.StringValues reference)
    {
        if (reference.Count > 0 && reference[0] is { } branch && Data.BranchFiles.TryGetValue((project, branch), out var changed))
        {
            return changed.TryGetValue(path, out var onBranch) ? onBranch : Data.Files[project].GetValueOrDefault(path);
        }

        return KnownRef(reference) ? Data.Files[project].GetValueOrDefault(path) : null;
    }

    // The fake's repositories have one branch, main (plus those of BranchFiles); HEAD (or no ref) means main too.
    private static bool KnownRef(Microsoft.Extensions.Primitives.StringValues reference) =>
        reference.Count == 0 || reference[0] is "main" or "HEAD" or "" or null;

    private async Task<JsonElement> Posted(HttpContext http)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var body = json.RootElement.Clone();
        _posts.Enqueue(new FakeGitLabPost(http.Request.Path.Value ?? string.Empty, body, http.Request.Method));
        return body;
    }

    // A copy of what the data holds, taken under its lock so a concurrent write never shows half-done.
    private JsonObject? Snapshot(Func<JsonObject?> find)
    {
        using var hold = Data.Sync.EnterScope();
        return find()?.DeepClone().AsObject();
    }

    private List<JsonObject>? Snapshot(Func<List<JsonObject>?> find)
    {
        using var hold = Data.Sync.EnterScope();
        return find() is { } items ? [.. items.Select(i => i.DeepClone().AsObject())] : null;
    }

    private JsonObject? Project(string reference) => Data.FindProject(Uri.UnescapeDataString(reference));

    private IResult WithProject(string reference, Func<long, IResult> answer) =>
        Project(reference) is { } project ? answer((long)project["id"]!) : NotFound("Project");

    private IResult Page(HttpContext http, IEnumerable<JsonObject> all)
    {
        List<JsonObject> items;
        using (Data.Sync.EnterScope())
        {
            items = [.. all.Select(i => i.DeepClone().AsObject())];
        }

        int perPage = int.TryParse(http.Request.Query["per_page"], CultureInfo.InvariantCulture, out int asked) ? Math.Clamp(asked, 1, MaxPerPage) : Math.Min(20, MaxPerPage);
        int page = int.TryParse(http.Request.Query["page"], CultureInfo.InvariantCulture, out int number) ? Math.Max(1, number) : 1;
        var slice = items.Skip((page - 1) * perPage).Take(perPage);
        bool more = page * perPage < items.Count;
        var headers = http.Response.Headers;
        headers["x-page"] = page.ToString(CultureInfo.InvariantCulture);
        headers["x-per-page"] = perPage.ToString(CultureInfo.InvariantCulture);
        headers["x-total"] = items.Count.ToString(CultureInfo.InvariantCulture);
        headers["x-next-page"] = more ? (page + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return Results.Json(new JsonArray([.. slice]));
    }

    private IEnumerable<JsonObject> Tree(long project, string path)
    {
        string prefix = path.Trim('/') is { Length: > 0 } p ? p + "/" : string.Empty;
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Data.Files[project].Keys.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string[] parts = file.Split('/');
            for (int i = 1; i < parts.Length; i++)
            {
                entries[string.Join('/', parts[..i])] = "tree";
            }

            entries[file] = "blob";
        }

        return entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Key != prefix.TrimEnd('/'))
            .Select(e => new JsonObject { ["id"] = $"{e.Key.GetHashCode(StringComparison.Ordinal):x8}", ["name"] = e.Key[(e.Key.LastIndexOf('/') + 1)..], ["type"] = e.Value, ["path"] = e.Key, ["mode"] = e.Value == "tree" ? "040000" : "100644" });
    }

    private IEnumerable<JsonObject> Search(long project, string text)
    {
        foreach (var (path, content) in Data.Files[project])
        {
            string[] lines = content.Split('\n');
            int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                yield return new JsonObject
                {
                    ["basename"] = Path.GetFileNameWithoutExtension(path),
                    ["data"] = string.Join('\n', lines.Skip(Math.Max(0, index - 1)).Take(3)),
                    ["path"] = path,
                    ["filename"] = path,
                    ["ref"] = "main",
                    ["startline"] = Math.Max(1, index),
                    ["project_id"] = project,
                };
            }
        }
    }
}
