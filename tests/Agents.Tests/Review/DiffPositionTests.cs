using System.Text.Json;
using Tributary.Agents.Review;

namespace Tributary.Agents.Tests.Review;

public sealed class DiffPositionTests
{
    private static readonly DiffVersion s_version = new("aaaa1111", "bbbb2222", "cccc3333");

    private static readonly ChangedFile s_file = new("app/tax.py", "app/tax.py", "modified", UnifiedDiffTests.TwoHunks, UnifiedDiff.Parse(UnifiedDiffTests.TwoHunks), null);

    [Fact]
    public void For_AddedLine_GivesNewLineOnly()
    {
        var position = DiffPosition.For(Finding(22, 22, DiffSide.New), s_file, s_version)!;

        Assert.Equal(
            """{"position_type":"text","base_sha":"aaaa1111","start_sha":"bbbb2222","head_sha":"cccc3333","old_path":"app/tax.py","new_path":"app/tax.py","new_line":22}""",
            JsonSerializer.Serialize(position));
    }

    [Fact]
    public void For_RemovedLine_GivesOldLineOnly()
    {
        var position = DiffPosition.For(Finding(21, 21, DiffSide.Old), s_file, s_version)!;

        Assert.Equal(21, position["old_line"]);
        Assert.False(position.ContainsKey("new_line"));
    }

    [Fact]
    public void For_UnchangedLine_GivesBothNumbers()
    {
        var position = DiffPosition.For(Finding(21, 21, DiffSide.New), s_file, s_version)!;

        Assert.Equal("old_line 20, new_line 21", DiffPosition.Describe(position));
    }

    [Fact]
    public void For_SeveralLines_AnchorsOnTheLastWithALineRange()
    {
        var position = DiffPosition.For(Finding(21, 23, DiffSide.New), s_file, s_version)!;

        const string hash = "21b26b3dc8e151af903968c8168d04b519ac191b"; // sha1sum of "app/tax.py"
        Assert.Equal(23, position["new_line"]);
        Assert.Equal(
            $$$"""{"start":{"line_code":"{{{hash}}}_20_21","type":"old","old_line":20,"new_line":21},"end":{"line_code":"{{{hash}}}_22_23","type":"new","new_line":23}}""",
            JsonSerializer.Serialize(position["line_range"]));
    }

    [Theory]
    [InlineData(10, 10, DiffSide.New)]
    [InlineData(20, 23, DiffSide.New)]
    [InlineData(23, 23, DiffSide.Old)]
    public void For_LineNotInTheDiff_IsNull(int start, int end, DiffSide side) =>
        Assert.Null(DiffPosition.For(Finding(start, end, side), s_file, s_version));

    private static ReviewFinding Finding(int start, int end, DiffSide side) =>
        new("app/tax.py", start, end, side, ReviewSeverity.Major, "Rounding", "Use ROUND_HALF_UP.", null);
}
