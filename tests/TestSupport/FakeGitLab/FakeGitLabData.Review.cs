using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>A review-ready merge request and a draft one on <see cref="BackendPath"/>, with versions, commits and diffs.</summary>
public sealed partial class FakeGitLabData
{
    /// <summary>"Add order discounts" (<c>feature/discounts</c> → <c>main</c>, by bob, not a draft): one version, two commits, three files.</summary>
    public const int ReviewMergeRequestIid = 21;

    /// <summary>"Draft: Export orders as CSV" (<c>draft: true</c>): one version, one commit, one new file.</summary>
    public const int DraftMergeRequestIid = 22;

    /// <summary>The head of <c>main</c>: the base and start of both merge requests' versions.</summary>
    public const string MainHeadSha = "4f2c8e1d9b7a6053e1c2d4f6a8b0c9e7d5f3a1b2";

    /// <summary>The first commit of <see cref="ReviewMergeRequestIid"/> ("Add the discount model").</summary>
    public const string ReviewFirstCommitSha = "a3e9c4b2d1f0e8d7c6b5a4f3e2d1c0b9a8f7e6d5";

    /// <summary>The head of <see cref="ReviewMergeRequestIid"/> ("Apply the best discount to order totals").</summary>
    public const string ReviewHeadSha = "c7d1e5f9a3b7c1d5e9f3a7b1c5d9e3f7a1b5c9d3";

    /// <summary>The head (and only commit) of <see cref="DraftMergeRequestIid"/>.</summary>
    public const string DraftHeadSha = "e2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0";

    /// <summary>The version id of <see cref="ReviewMergeRequestIid"/>'s first version (later ones count up from 1300).</summary>
    public const long ReviewVersionId = 1201;

    /// <summary>The version id of <see cref="DraftMergeRequestIid"/>'s version.</summary>
    public const long DraftVersionId = 1202;

    /// <summary>The modified file of <see cref="ReviewMergeRequestIid"/>: two hunks with added, removed and context lines.</summary>
    public const string PricingPath = "src/orders/pricing.py";

    /// <summary>The new file of <see cref="ReviewMergeRequestIid"/> (15 lines).</summary>
    public const string DiscountsPath = "src/orders/discounts.py";

    /// <summary>The new documentation file of <see cref="ReviewMergeRequestIid"/>, matched by <c>docs/**</c>.</summary>
    public const string DiscountsDocPath = "docs/discounts.md";

    /// <summary>An added line of <see cref="PricingPath"/> (its <c>new_line</c>): <c>amount = subtotal(order) - best_discount(order, discounts)</c>.</summary>
    public const int PricingAddedNewLine = 22;

    /// <summary>A removed line of <see cref="PricingPath"/> (its <c>old_line</c>): <c>amount = subtotal(order)</c>.</summary>
    public const int PricingRemovedOldLine = 21;

    /// <summary>The <c>old_line</c> of a context line of <see cref="PricingPath"/> shown in the diff: <c>return Decimal("4.90")</c>.</summary>
    public const int PricingContextOldLine = 17;

    /// <summary>The <c>new_line</c> of that context line (<see cref="PricingContextOldLine"/>).</summary>
    public const int PricingContextNewLine = 18;

    /// <summary>A diff file as <c>/diffs</c> and <c>/repository/compare</c> show it; <paramref name="collapsed"/> and <paramref name="tooLarge"/> are only set when given.</summary>
    /// <param name="path">The file's path (its <c>new_path</c>).</param>
    /// <param name="diff">The unified diff, from its first <c>@@</c> hunk header.</param>
    /// <param name="newFile">The file is new (<c>a_mode</c> 0).</param>
    /// <param name="deletedFile">The file is deleted (<c>b_mode</c> 0).</param>
    /// <param name="oldPath">The old path of a renamed file; the same as <paramref name="path"/> otherwise.</param>
    /// <param name="collapsed">GitLab's <c>collapsed</c> flag, if any.</param>
    /// <param name="tooLarge">GitLab's <c>too_large</c> flag, if any.</param>
    public static JsonObject DiffFile(string path, string diff, bool newFile = false, bool deletedFile = false, string? oldPath = null, bool? collapsed = null, bool? tooLarge = null)
    {
        var file = new JsonObject
        {
            ["old_path"] = oldPath ?? path,
            ["new_path"] = path,
            ["a_mode"] = newFile ? "0" : "100644",
            ["b_mode"] = deletedFile ? "0" : "100644",
            ["new_file"] = newFile,
            ["renamed_file"] = oldPath is not null && oldPath != path,
            ["deleted_file"] = deletedFile,
            ["diff"] = diff,
        };
        if (collapsed is { } c)
        {
            file["collapsed"] = c;
        }

        if (tooLarge is { } t)
        {
            file["too_large"] = t;
        }

        return file;
    }

    /// <summary>The diff files of <see cref="ReviewMergeRequestIid"/>'s first version.</summary>
    public static IReadOnlyList<JsonObject> ReviewDiffs() =>
    [
        DiffFile(PricingPath, ReviewTexts.PricingDiff),
        DiffFile(DiscountsPath, ReviewTexts.DiscountsDiff, newFile: true),
        DiffFile(DiscountsDocPath, ReviewTexts.DocsDiff, newFile: true),
    ];

    private void AddReviewContent()
    {
        AddCommit(BackendId, MainHeadSha, null, "Ship order totals with tax", "2026-11-18T16:00:00.000Z", DanaId);

        var review = ReplaceMergeRequest(ReviewMergeRequestIid, "Add order discounts", "feature/discounts", "Customers can pass discount codes; the best one applies to the order total.\n\nCloses #1.");
        review["reviewers"] = new JsonArray(Author(Users[MayaId]));
        var first = AddCommit(BackendId, ReviewFirstCommitSha, MainHeadSha, "Add the discount model", "2026-11-20T09:00:00.000Z", BobId);
        var head = AddCommit(BackendId, ReviewHeadSha, ReviewFirstCommitSha, "Apply the best discount to order totals", "2026-11-20T09:30:00.000Z", BobId);
        AddVersion(BackendId, ReviewMergeRequestIid, MainHeadSha, MainHeadSha, [head, first], ReviewDiffs(), "2026-11-20T10:00:00.000Z", ReviewVersionId);
        Compares[(BackendId, MainHeadSha, ReviewHeadSha)] = [.. ReviewDiffs()];
        // The source branch's files, by branch name and by head SHA (main's tree is left as the other tests know it).
        foreach (string reference in new[] { "feature/discounts", ReviewHeadSha })
        {
            BranchFiles[(BackendId, reference)] = new()
            {
                [PricingPath] = ReviewTexts.PricingAfter,
                [DiscountsPath] = ReviewTexts.Discounts,
                [DiscountsDocPath] = ReviewTexts.Docs,
            };
        }

        var draft = ReplaceMergeRequest(DraftMergeRequestIid, "Draft: Export orders as CSV", "feature/export-csv", "Work in progress: a CSV export of orders.");
        draft["draft"] = true;
        draft["work_in_progress"] = true;
        var draftHead = AddCommit(BackendId, DraftHeadSha, MainHeadSha, "Start the CSV export", "2026-11-21T09:00:00.000Z", BobId);
        AddVersion(BackendId, DraftMergeRequestIid, MainHeadSha, MainHeadSha, [draftHead], [DiffFile("src/orders/export.py", ReviewTexts.ExportDiff, newFile: true)], "2026-11-21T09:05:00.000Z", DraftVersionId);
    }

    // Takes the place of a generated merge request, so the project's counts and list order stay as they were.
    private JsonObject ReplaceMergeRequest(int iid, string title, string branch, string description)
    {
        var requests = MergeRequests[BackendId];
        int index = requests.FindIndex(mr => (int?)mr["iid"] == iid);
        var mergeRequest = MergeRequest(iid, title, "opened", branch);
        mergeRequest["description"] = description;
        mergeRequest["author"] = Author(Users[BobId]);
        mergeRequest["work_in_progress"] = false;
        requests[index] = mergeRequest;
        return mergeRequest;
    }
}
