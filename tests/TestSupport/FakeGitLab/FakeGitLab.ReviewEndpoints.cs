using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Merge request versions and commits, and repository compares.</summary>
public sealed partial class FakeGitLab
{
    private void MapReviewEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet($"{MergeRequestPath}/versions", (string id, int iid, HttpContext http) => WithProject(id, p =>
            Data.HasMergeRequest(p, iid) ? Page(http, Data.Versions(p, iid)) : NotFound("Merge Request")));
        app.MapGet($"{MergeRequestPath}/versions/{{versionId:long}}", (string id, int iid, long versionId) => WithProject(id, p =>
            !Data.HasMergeRequest(p, iid) ? NotFound("Merge Request")
            : Data.Version(p, iid, versionId) is { } version ? Results.Json(version) : Answer(FakeGitLabAnswer.Message(404, "404 Not found"))));
        app.MapGet($"{MergeRequestPath}/commits", (string id, int iid, HttpContext http) => WithProject(id, p =>
            Data.HasMergeRequest(p, iid) ? Page(http, Data.Commits(p, iid)) : NotFound("Merge Request")));

        app.MapGet($"{Api}/projects/{{id}}/repository/compare", (string id, HttpContext http) => WithProject(id, p =>
        {
            string? from = Query(http, "from");
            string? to = Query(http, "to");
            string[] missing = [.. new[] { ("from", from), ("to", to) }.Where(x => string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1} is missing")];
            return missing.Length > 0 ? Answer(FakeGitLabAnswer.Invalid(string.Join(", ", missing))) : Answer(Data.Compare(p, from!, to!));
        }));
    }
}
