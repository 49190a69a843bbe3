using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Users and project members.</summary>
public sealed partial class FakeGitLabData
{
    /// <summary>The token's user, <c>tributary-bot</c> (a bot; Developer on both projects): the author of everything posted.</summary>
    public const long BotUserId = 99;

    /// <summary><c>bob</c>: Developer (30) on <see cref="BackendPath"/>, author of <see cref="ReviewMergeRequestIid"/> and <see cref="DraftMergeRequestIid"/>.</summary>
    public const long BobId = 3;

    /// <summary><c>gina</c>: Guest (10) on <see cref="BackendPath"/>.</summary>
    public const long GinaId = 4;

    /// <summary><c>maya</c>: Maintainer (40) on <see cref="BackendPath"/>.</summary>
    public const long MayaId = 5;

    /// <summary><c>renovate-bot</c>: a bot, Developer (30) on <see cref="BackendPath"/>.</summary>
    public const long RenovateBotId = 6;

    /// <summary><c>dana</c>: Developer (30) on both projects, author of the generated merge requests.</summary>
    public const long DanaId = 11;

    /// <summary><c>rio</c>: Reporter (20) on <see cref="BackendPath"/>.</summary>
    public const long RioId = 12;

    /// <summary><c>sam</c>: a user who is a member of no project.</summary>
    public const long SamId = 13;

    /// <summary>Users by id, as <c>GET /users/:id</c> shows them (with <c>bot</c>).</summary>
    public Dictionary<long, JsonObject> Users { get; } = [];

    /// <summary>Members by project id: user id → access level (10 Guest, 20 Reporter, 30 Developer, 40 Maintainer, 50 Owner).</summary>
    public Dictionary<long, Dictionary<long, int>> Members { get; } = [];

    /// <summary>The user <paramref name="id"/> as <c>GET /users/:id</c> shows it, or <see langword="null"/>.</summary>
    public JsonObject? User(long id)
    {
        lock (_sync)
        {
            return Users.TryGetValue(id, out var user) ? user.DeepClone().AsObject() : null;
        }
    }

    /// <summary>The member <paramref name="userId"/> of <paramref name="project"/> as <c>GET /projects/:id/members/all/:user_id</c> shows it, or <see langword="null"/>.</summary>
    public JsonObject? Member(long project, long userId)
    {
        lock (_sync)
        {
            if (!Members.TryGetValue(project, out var members) || !members.TryGetValue(userId, out int level) || !Users.TryGetValue(userId, out var user))
            {
                return null;
            }

            var member = Author(user);
            member["access_level"] = level;
            member["created_at"] = "2026-01-05T09:00:00.000Z";
            member["expires_at"] = null;
            member["membership_state"] = "active";
            return member;
        }
    }

    // The short form GitLab embeds as a note's author or a member.
    private static JsonObject Author(JsonObject user) => new()
    {
        ["id"] = user["id"]!.DeepClone(),
        ["username"] = user["username"]!.DeepClone(),
        ["name"] = user["name"]!.DeepClone(),
        ["state"] = "active",
        ["locked"] = false,
        ["avatar_url"] = user["avatar_url"]!.DeepClone(),
        ["web_url"] = user["web_url"]!.DeepClone(),
    };

    private void AddUsers()
    {
        AddUser(BobId, "bob", "Bob Builder", false, (BackendId, 30));
        AddUser(GinaId, "gina", "Gina Guest", false, (BackendId, 10));
        AddUser(MayaId, "maya", "Maya Maintainer", false, (BackendId, 40));
        AddUser(RenovateBotId, "renovate-bot", "Renovate Bot", true, (BackendId, 30));
        AddUser(DanaId, "dana", "Dana Developer", false, (BackendId, 30), (WebId, 30));
        AddUser(RioId, "rio", "Rio Reviewer", false, (BackendId, 20));
        AddUser(SamId, "sam", "Sam Support", false);
        AddUser(BotUserId, "tributary-bot", "Tributary Bot", true, (BackendId, 30), (WebId, 30));
    }

    private void AddUser(long id, string username, string name, bool bot, params (long Project, int Level)[] memberships)
    {
        Users[id] = new JsonObject
        {
            ["id"] = id,
            ["username"] = username,
            ["name"] = name,
            ["state"] = "active",
            ["locked"] = false,
            ["avatar_url"] = $"https://gitlab.example.com/uploads/-/system/user/avatar/{id}/avatar.png",
            ["web_url"] = $"https://gitlab.example.com/{username}",
            ["created_at"] = "2026-01-05T09:00:00.000Z",
            ["bio"] = string.Empty,
            ["bot"] = bot,
        };
        foreach (var (project, level) in memberships)
        {
            (Members.TryGetValue(project, out var members) ? members : Members[project] = [])[id] = level;
        }
    }
}
