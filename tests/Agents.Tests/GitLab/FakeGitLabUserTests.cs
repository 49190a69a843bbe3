using System.Net;
using static Tributary.Agents.Tests.GitLab.FakeGitLabHttp;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>Users and project members on the fake, as a bot checks who may ask it for something.</summary>
public sealed class FakeGitLabUserTests
{
    [Theory]
    [InlineData(3, "bob", 30)]
    [InlineData(4, "gina", 10)]
    [InlineData(5, "maya", 40)]
    [InlineData(6, "renovate-bot", 30)]
    [InlineData(99, "tributary-bot", 30)]
    public async Task Member_OfTheBackend_HasItsAccessLevel(long id, string username, int level)
    {
        await using var gitLab = await StartAsync();

        var member = await gitLab.GetAsync($"projects/acme%2Fplatform%2Fbackend/members/all/{id}");

        Assert.Equal(HttpStatusCode.OK, member.Status);
        Assert.Equal(id, (long)member.Object["id"]!);
        Assert.Equal(username, (string?)member.Object["username"]);
        Assert.Equal("active", (string?)member.Object["state"]);
        Assert.Equal(level, (int)member.Object["access_level"]!);
        Assert.False(string.IsNullOrEmpty((string?)member.Object["name"]));
    }

    [Theory]
    [InlineData("projects/278964/members/all/13")]
    [InlineData("projects/1002/members/all/3")]
    [InlineData("projects/278964/members/all/424242")]
    public async Task Member_NotAMember_Is404(string path)
    {
        await using var gitLab = await StartAsync();

        var member = await gitLab.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, member.Status);
        AssertJson("""{"message":"404 Not found"}""", member.Json);
    }

    [Theory]
    [InlineData(3, "bob", false)]
    [InlineData(6, "renovate-bot", true)]
    [InlineData(99, "tributary-bot", true)]
    public async Task User_ById_SaysWhetherItIsABot(long id, string username, bool bot)
    {
        await using var gitLab = await StartAsync();

        var user = await gitLab.GetAsync($"users/{id}");

        Assert.Equal(HttpStatusCode.OK, user.Status);
        Assert.Equal(id, (long)user.Object["id"]!);
        Assert.Equal(username, (string?)user.Object["username"]);
        Assert.Equal("active", (string?)user.Object["state"]);
        Assert.Equal(bot, (bool)user.Object["bot"]!);
    }

    [Fact]
    public async Task User_UnknownOrTheTokens_Is404OrTheBot()
    {
        await using var gitLab = await StartAsync();

        var unknown = await gitLab.GetAsync("users/424242");
        var me = await gitLab.GetAsync("user");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        AssertJson("""{"message":"404 User Not Found"}""", unknown.Json);
        Assert.Equal(99L, (long)me.Object["id"]!);
        Assert.Equal("tributary-bot", (string?)me.Object["username"]);
        Assert.True((bool)me.Object["bot"]!);
    }
}
