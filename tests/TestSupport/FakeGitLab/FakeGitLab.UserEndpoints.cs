using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Users and project members.</summary>
public sealed partial class FakeGitLab
{
    private void MapUserEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet($"{Api}/users/{{userId:long}}", (long userId) => Data.User(userId) is { } user ? Results.Json(user) : NotFound("User"));

        // The fake has no inherited (group) members, so a project's direct members are all of them.
        foreach (string members in new[] { "members", "members/all" })
        {
            app.MapGet($"{Api}/projects/{{id}}/{members}/{{userId:long}}", (string id, long userId) => WithProject(id, p =>
                Data.Member(p, userId) is { } member ? Results.Json(member) : Answer(FakeGitLabAnswer.Message(404, "404 Not found"))));
        }
    }
}
