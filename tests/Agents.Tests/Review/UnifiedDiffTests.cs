using Tributary.Agents.Review;

namespace Tributary.Agents.Tests.Review;

public sealed class UnifiedDiffTests
{
    internal const string TwoHunks = """
        @@ -1,4 +1,5 @@
         import math
        -from decimal import Decimal
        +from decimal import Decimal, ROUND_HALF_UP
        +
         def total(items):
             return sum(i.price for i in items)
        @@ -20,3 +21,4 @@ def tax(amount):
             rate = 0.2
        -    return amount * rate
        +    value = amount * rate
        +    return value
        \ No newline at end of file

        """;

    [Fact]
    public void Parse_TwoHunks_NumbersEveryLineOnItsSides()
    {
        var diff = UnifiedDiff.Parse(TwoHunks);

        Assert.Equal(
            [
                "Context 1 1 | import math",
                "Removed 2 - | from decimal import Decimal",
                "Added - 2 | from decimal import Decimal, ROUND_HALF_UP",
                "Added - 3 | ",
                "Context 3 4 | def total(items):",
                "Context 4 5 |     return sum(i.price for i in items)",
                "Context 20 21 |     rate = 0.2",
                "Removed 21 - |     return amount * rate",
                "Added - 22 |     value = amount * rate",
                "Added - 23 |     return value",
            ],
            diff.Lines.Select(l => $"{l.Kind} {l.OldLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {l.NewLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} | {l.Text}"));
    }

    [Fact]
    public void Parse_AddedLine_KeepsGitLabsOldCounterForItsLineCode()
    {
        var diff = UnifiedDiff.Parse(TwoHunks);

        var added = diff.Find(DiffSide.New, 2)!;
        var removed = diff.Find(DiffSide.Old, 21)!;

        Assert.Equal((3, 2), (added.OldPosition, added.NewPosition));
        Assert.Equal((21, 22), (removed.OldPosition, removed.NewPosition));
    }

    [Theory]
    [InlineData(DiffSide.New, 5, DiffLineKind.Context)]
    [InlineData(DiffSide.Old, 4, DiffLineKind.Context)]
    [InlineData(DiffSide.New, 23, DiffLineKind.Added)]
    [InlineData(DiffSide.Old, 2, DiffLineKind.Removed)]
    public void Find_LineShownInTheDiff_ReturnsIt(DiffSide side, int line, DiffLineKind kind) =>
        Assert.Equal(kind, UnifiedDiff.Parse(TwoHunks).Find(side, line)!.Kind);

    [Theory]
    [InlineData(DiffSide.New, 10)]
    [InlineData(DiffSide.Old, 22)]
    [InlineData(DiffSide.Old, 5)]
    public void Find_LineOutsideTheHunks_ReturnsNull(DiffSide side, int line) =>
        Assert.Null(UnifiedDiff.Parse(TwoHunks).Find(side, line));

    [Fact]
    public void Parse_NewFile_NumbersTheNewSideAndKeepsTheOldCounterAtZero()
    {
        var diff = UnifiedDiff.Parse("@@ -0,0 +1,2 @@\n+first\n+second\n");

        Assert.Equal([1, 2], diff.Lines.Select(l => l.NewLine!.Value));
        Assert.All(diff.Lines, l => Assert.Equal(0, l.OldPosition));
        Assert.All(diff.Lines, l => Assert.Equal(DiffLineKind.Added, l.Kind));
    }
}
