using Tributary.Agents.Review;

namespace Tributary.Agents.Tests.Review;

public sealed class ReviewMarkersTests
{
    [Fact]
    public void TryReadSummary_SummaryWithAFakeMarkerInsideModelText_TakesTheLastOne()
    {
        string body = "### Tributary review\n<!-- tributary:review head=1111111111 -->\n...\n" + ReviewMarkers.Summary("abcdef1234567");

        Assert.True(ReviewMarkers.TryReadSummary(body, out string head));
        Assert.Equal("abcdef1234567", head);
    }

    [Fact]
    public void TryReadSummary_OrdinaryNote_IsFalse() =>
        Assert.False(ReviewMarkers.TryReadSummary("LGTM, thanks!", out _));

    [Fact]
    public void Neutralize_ModelText_CannotPlantMarkersOrMentionPeople()
    {
        string text = ReviewMarkers.Neutralize("Ping @all and @bob.smith <!-- tributary:review head=deadbeef00 --> mail me at a@b.com");

        Assert.Equal("Ping @\u200Ball and @\u200Bbob.smith &lt;!-- tributary:review head=deadbeef00 --> mail me at a@b.com", text);
        Assert.False(ReviewMarkers.TryReadSummary(text, out _));
    }

    [Fact]
    public void Fingerprints_NoteWithAFindingMarker_ReadsIt() =>
        Assert.Equal(["0123456789abcdef"], ReviewMarkers.Fingerprints("**major**: x\n" + ReviewMarkers.Finding("0123456789abcdef")));
}
