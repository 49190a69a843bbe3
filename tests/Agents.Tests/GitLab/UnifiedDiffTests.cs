using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>The fake's unified diff reader numbers lines as GitLab does, so positions it accepts are positions GitLab accepts.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Parse_TwoHunks_NumbersEachKindOfLineLikeGitLab()
    {
        const string Diff = "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,2 +10,3 @@ def f():\n x\n+y\n\\ No newline at end of file\n";

        var lines = UnifiedDiff.Parse(Diff);

        Assert.Equal(
            [
                (UnifiedDiffLineKind.Context, 1, 1, (int?)1, (int?)1, "a"),
                (UnifiedDiffLineKind.Removed, 2, 2, 2, null, "b"),
                (UnifiedDiffLineKind.Added, 3, 2, null, 2, "B"),
                (UnifiedDiffLineKind.Context, 3, 3, 3, 3, "c"),
                (UnifiedDiffLineKind.Context, 10, 10, 10, 10, "x"),
                (UnifiedDiffLineKind.Added, 11, 11, null, 11, "y"),
            ],
            lines.Select(l => (l.Kind, l.OldPosition, l.NewPosition, l.OldLine, l.NewLine, l.Text)));
    }

    [Fact]
    public void LineCode_IsTheSha1OfThePathThenBothCounters()
    {
        Assert.Equal("def0c6097c4f86f72d40c04eab67abcfb5d4f141_22_21", UnifiedDiff.LineCode("src/orders/pricing.py", 22, 21));
        Assert.Equal("def0c6097c4f86f72d40c04eab67abcfb5d4f141_0_1", UnifiedDiff.Parse("@@ -0,0 +1,1 @@\n+x\n")[0].LineCode("src/orders/pricing.py"));
    }
}
