using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>
/// What the fake GitLab holds: projects under groups and subgroups, merge requests (the real fixture one, one
/// whose 130-file diff spans pages with collapsed and too-large files, and many small ones), issues, labels,
/// repository files, a failed pipeline with job logs, users and members, and a review-ready merge request with
/// versions, commits, notes and discussions (see the partial files). Shapes follow GitLab's REST API (v4). The
/// fake's own writes and reads of mutable state hold <see cref="Sync"/>; tests may set data up before calling.
/// </summary>
public sealed partial class FakeGitLabData
{
    /// <summary>The project of the fixture merge request: a subgroup path.</summary>
    public const string BackendPath = "acme/platform/backend";

    /// <summary>The id of <see cref="BackendPath"/> (the fixture's <c>project_id</c>).</summary>
    public const long BackendId = 278964;

    /// <summary>A second project, directly under its group.</summary>
    public const string WebPath = "acme/web";

    /// <summary>The id of <see cref="WebPath"/>.</summary>
    public const long WebId = 1002;

    /// <summary>The fixture merge request (<c>api_get_merge_request.json</c>) with the fixture diffs.</summary>
    public const int FixtureMergeRequestIid = 14656;

    /// <summary>A merge request of <see cref="BackendPath"/> with <see cref="BigDiffFileCount"/> changed files.</summary>
    public const int BigMergeRequestIid = 7;

    /// <summary>How many files <see cref="BigMergeRequestIid"/> changes; more than one page of 100.</summary>
    public const int BigDiffFileCount = 130;

    /// <summary>How many open merge requests <see cref="BackendPath"/> has in all.</summary>
    public const int OpenMergeRequestCount = 26;

    /// <summary>The failed pipeline of <see cref="BackendPath"/>'s <c>main</c>, the latest there.</summary>
    public const long FailedPipelineId = 5001;

    /// <summary>The line that ends the failing test job's log.</summary>
    public const string TestFailureLine = "FAILED tests/test_orders.py::test_total_includes_tax - AssertionError: assert 108 == 110";

    private readonly Lock _sync = new();

    internal FakeGitLabData()
    {
        AddProject(BackendId, BackendPath, "Backend", "The order service.");
        AddProject(WebId, WebPath, "Web", "The storefront.");
        AddProject(1003, "acme/platform/infra/terraform", "Terraform", "Infrastructure.");
        AddUsers();
        AddBackendContent();
        AddReviewContent();
        AddWebContent();
    }

    /// <summary>The lock that guards the data while the fake answers concurrent requests.</summary>
    internal Lock Sync => _sync;

    /// <summary>Projects by id.</summary>
    public Dictionary<long, JsonObject> Projects { get; } = [];

    /// <summary>Merge requests by project id, oldest first.</summary>
    public Dictionary<long, List<JsonObject>> MergeRequests { get; } = [];

    /// <summary>Diff files by (project id, merge request iid).</summary>
    public Dictionary<(long Project, int Iid), List<JsonObject>> Diffs { get; } = [];

    /// <summary>Issues by project id.</summary>
    public Dictionary<long, List<JsonObject>> Issues { get; } = [];

    /// <summary>Labels by project id.</summary>
    public Dictionary<long, List<JsonObject>> Labels { get; } = [];

    /// <summary>Repository files of the default branch by project id: path → text.</summary>
    public Dictionary<long, SortedDictionary<string, string>> Files { get; } = [];

    /// <summary>Files that differ on another branch, by (project id, branch): path → text; the rest is as on the default branch.</summary>
    public Dictionary<(long Project, string Branch), Dictionary<string, string>> BranchFiles { get; } = [];

    /// <summary>Pipelines by project id, newest first.</summary>
    public Dictionary<long, List<JsonObject>> Pipelines { get; } = [];

    /// <summary>Jobs by pipeline id.</summary>
    public Dictionary<long, List<JsonObject>> Jobs { get; } = [];

    /// <summary>Job logs by job id.</summary>
    public Dictionary<long, string> Traces { get; } = [];

    /// <summary>The project <paramref name="reference"/> names (a numeric id or a full path), or <see langword="null"/>.</summary>
    public JsonObject? FindProject(string reference) =>
        long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? Projects.GetValueOrDefault(id)
            : Projects.Values.FirstOrDefault(p => string.Equals((string?)p["path_with_namespace"], reference, StringComparison.OrdinalIgnoreCase));

    private static JsonObject User(int id, string username, string name) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["name"] = name,
        ["state"] = "active",
        ["web_url"] = $"https://gitlab.example.com/{username}",
    };

    private static JsonNode Fixture(string name)
    {
        using var stream = typeof(FakeGitLabData).Assembly.GetManifestResourceStream($"FakeGitLab.Fixtures.{name}")
            ?? throw new InvalidOperationException($"fixture {name} is not embedded");
        return JsonNode.Parse(stream)!;
    }

    private void AddProject(long id, string path, string name, string description)
    {
        string web = $"https://gitlab.example.com/{path}";
        Projects[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["description"] = description,
            ["path"] = path[(path.LastIndexOf('/') + 1)..],
            ["path_with_namespace"] = path,
            ["name_with_namespace"] = path.Replace("/", " / ", StringComparison.Ordinal),
            ["default_branch"] = "main",
            ["visibility"] = "private",
            ["web_url"] = web,
            ["http_url_to_repo"] = web + ".git",
            ["namespace"] = new JsonObject { ["full_path"] = path[..path.LastIndexOf('/')], ["kind"] = "group" },
        };
        MergeRequests[id] = [];
        Issues[id] = [];
        Labels[id] = [];
        Files[id] = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Pipelines[id] = [];
    }

    private void AddBackendContent()
    {
        var merge = Fixture("api_get_merge_request.json").AsObject();
        merge["web_url"] = $"https://gitlab.example.com/{BackendPath}/-/merge_requests/{FixtureMergeRequestIid}";
        var requests = MergeRequests[BackendId];
        for (int i = 1; i <= OpenMergeRequestCount + 4; i++)
        {
            if (i == BigMergeRequestIid)
            {
                requests.Add(MergeRequest(i, "Refactor the order pipeline into modules", "opened", "refactor/orders"));
                continue;
            }

            string state = i <= 4 ? "merged" : "opened";
            requests.Add(MergeRequest(i, $"Change {i}: tidy the order service", state, $"feature/change-{i}"));
        }

        // The real fixture MR takes the last generated one's place: 25 generated (5..29) and it are opened.
        requests.RemoveAt(requests.Count - 1);
        requests.Add(merge);
        Diffs[(BackendId, FixtureMergeRequestIid)] = [.. Fixture("api_list_merge_request_diffs.json").AsArray().Select(d => d!.AsObject())];
        Diffs[(BackendId, BigMergeRequestIid)] = BigDiff();

        string[] labels = ["bug", "backend", "database", "performance", "documentation"];
        foreach (string label in labels)
        {
            Labels[BackendId].Add(new JsonObject { ["id"] = Labels[BackendId].Count + 1, ["name"] = label, ["color"] = "#d9534f", ["description"] = $"Issues about {label}", ["open_issues_count"] = 1, ["open_merge_requests_count"] = 0 });
        }

        AddIssue(BackendId, 1, "Order totals ignore tax", "opened", ["bug", "backend"], "Totals shown at checkout leave out VAT.\n\nSteps: add an item, check out; the total lacks tax.");
        AddIssue(BackendId, 2, "Slow order search", "opened", ["performance", "database"], "Searching orders by customer takes 4 s.");
        AddIssue(BackendId, 3, "Document the refund API", "closed", ["documentation"], "Write the refund endpoints' docs.");

        var files = Files[BackendId];
        files["README.md"] = "# Backend\n\nThe order service of ACME.\n\nRun `make test` to test it.\n";
        files[".gitlab-ci.yml"] = "stages: [build, test]\n\nbuild:\n  stage: build\n  script: make build\n\ntest:\n  stage: test\n  script: pytest\n\nlint:\n  stage: test\n  script: ruff check .\n";
        files["src/orders/total.py"] = "def order_total(items, tax_rate):\n    subtotal = sum(item.price for item in items)\n    return subtotal  # TODO: add tax\n";
        files["src/orders/__init__.py"] = string.Empty;
        files["tests/test_orders.py"] = "from orders.total import order_total\n\ndef test_total_includes_tax():\n    assert order_total(ITEMS, 0.10) == 110\n";
        files[".tributary.yml"] = "review:\n  skip_paths: [\"docs/**\"]\n";

        Pipelines[BackendId].Add(Pipeline(FailedPipelineId, "failed", "main"));
        Pipelines[BackendId].Add(Pipeline(4990, "success", "main"));
        Jobs[FailedPipelineId] =
        [
            Job(9001, "build", "build", "success", null),
            Job(9002, "test", "test", "failed", "script_failure"),
            Job(9003, "lint", "test", "failed", "script_failure"),
        ];
        Jobs[4990] = [Job(8001, "build", "build", "success", null)];
        Traces[9001] = "\u001b[32;1mBuild succeeded\u001b[0;m\n";
        Traces[9002] = TestTrace();
        Traces[9003] = "section_start:1700000000:step_script\r\u001b[0K\u001b[36;1m$ ruff check .\u001b[0;m\nsrc/orders/total.py:3:17: F821 Undefined name `ITEMS`\nFound 1 error.\nsection_end:1700000001:step_script\r\u001b[0K\n\u001b[31;1mERROR: Job failed: exit code 1\u001b[0;m\n";
    }

    private void AddWebContent()
    {
        MergeRequests[WebId].Add(MergeRequest(1, "Checkout button colour", "opened", "ui/checkout"));
        MergeRequests[WebId][0]["project_id"] = WebId;
        AddIssue(WebId, 1, "Broken logo on mobile", "opened", ["bug"], "The logo overflows on small screens.");
        Labels[WebId].Add(new JsonObject { ["id"] = 100, ["name"] = "bug", ["color"] = "#d9534f", ["description"] = "Something is broken", ["open_issues_count"] = 1, ["open_merge_requests_count"] = 0 });
        Files[WebId]["README.md"] = "# Web\n\nThe storefront.\n";
    }

    private static JsonObject MergeRequest(int iid, string title, string state, string branch) => new()
    {
        ["id"] = 700_000 + iid,
        ["iid"] = iid,
        ["project_id"] = BackendId,
        ["title"] = title,
        ["description"] = $"{title}.\n\nCloses #1.",
        ["state"] = state,
        ["draft"] = false,
        ["source_branch"] = branch,
        ["target_branch"] = "main",
        ["author"] = User(11, "dana", "Dana Developer"),
        ["assignees"] = new JsonArray(User(12, "rio", "Rio Reviewer")),
        ["reviewers"] = new JsonArray(),
        ["labels"] = new JsonArray("backend"),
        ["sha"] = $"{iid:x8}bcbb5ec396a2c0f828686f14fac9b80b7805",
        ["detailed_merge_status"] = "mergeable",
        ["has_conflicts"] = false,
        ["created_at"] = $"2026-11-{1 + (iid % 20):00}T10:00:00.000Z",
        ["updated_at"] = $"2026-11-{1 + (iid % 20):00}T12:00:00.000Z",
        ["web_url"] = $"https://gitlab.example.com/{BackendPath}/-/merge_requests/{iid}",
    };

    private static List<JsonObject> BigDiff()
    {
        var files = new List<JsonObject>();
        for (int i = 1; i <= BigDiffFileCount; i++)
        {
            string path = $"src/orders/module_{i:000}.py";
            bool collapsed = i == 50;
            bool tooLarge = i == 120;
            files.Add(new JsonObject
            {
                ["old_path"] = path,
                ["new_path"] = path,
                ["a_mode"] = "100644",
                ["b_mode"] = "100644",
                ["diff"] = collapsed || tooLarge ? string.Empty : $"@@ -1,2 +1,2 @@\n def step_{i}(order):\n-    return order\n+    return validate(order)\n",
                ["new_file"] = false,
                ["renamed_file"] = false,
                ["deleted_file"] = false,
                ["collapsed"] = collapsed,
                ["too_large"] = tooLarge,
                ["generated_file"] = false,
            });
        }

        return files;
    }

    private void AddIssue(long project, int iid, string title, string state, string[] labels, string description) =>
        Issues[project].Add(new JsonObject
        {
            ["id"] = (project * 100) + iid,
            ["iid"] = iid,
            ["project_id"] = project,
            ["title"] = title,
            ["description"] = description,
            ["state"] = state,
            ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode?)l)]),
            ["author"] = User(13, "sam", "Sam Support"),
            ["assignees"] = new JsonArray(User(11, "dana", "Dana Developer")),
            ["milestone"] = new JsonObject { ["id"] = 1, ["title"] = "2026.12" },
            ["user_notes_count"] = 2,
            ["created_at"] = "2026-11-01T09:00:00.000Z",
            ["updated_at"] = $"2026-11-{10 + iid:00}T09:00:00.000Z",
            ["closed_at"] = state == "closed" ? "2026-11-15T09:00:00.000Z" : null,
            ["web_url"] = $"{Projects[project]["web_url"]}/-/issues/{iid}",
        });

    private static JsonObject Pipeline(long id, string status, string reference) => new()
    {
        ["id"] = id,
        ["iid"] = id - 4000,
        ["project_id"] = BackendId,
        ["status"] = status,
        ["ref"] = reference,
        ["sha"] = "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
        ["source"] = "push",
        ["created_at"] = "2026-11-20T10:00:00.000Z",
        ["finished_at"] = "2026-11-20T10:06:00.000Z",
        ["duration"] = 360,
        ["web_url"] = $"https://gitlab.example.com/{BackendPath}/-/pipelines/{id}",
    };

    private static JsonObject Job(long id, string name, string stage, string status, string? failureReason) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["stage"] = stage,
        ["status"] = status,
        ["failure_reason"] = failureReason,
        ["allow_failure"] = false,
        ["duration"] = 42.5,
        ["web_url"] = $"https://gitlab.example.com/{BackendPath}/-/jobs/{id}",
    };

    // A long log (300 lines) so the tool's tail bound shows; the failure is at the end, as in real jobs.
    private static string TestTrace()
    {
        var log = new StringBuilder("Running with gitlab-runner 17.5.0 on docker\n\u001b[0KPreparing the \"docker\" executor\n");
        for (int i = 1; i <= 300; i++)
        {
            log.Append(CultureInfo.InvariantCulture, $"tests/test_module_{i:000}.py::test_ok PASSED\n");
        }

        log.Append("\u001b[31;1m").Append(TestFailureLine).Append("\u001b[0;m\n");
        log.Append("\u001b[31;1mERROR: Job failed: exit code 1\u001b[0;m\n");
        return log.ToString();
    }
}
