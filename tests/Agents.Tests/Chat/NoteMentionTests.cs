using Tributary.Agents.Chat;

namespace Tributary.Agents.Tests.Chat;

public sealed class NoteMentionTests
{
    private static readonly NoteMention s_mention = NoteMention.Tributary;

    [Theory]
    [InlineData("@tributary")]
    [InlineData("@Tributary what is this?")]
    [InlineData("thanks @tributary.")]
    [InlineData("thanks @tributary, and:")]
    [InlineData("> quoted\nnot quoted @tributary")]
    [InlineData("```\ncode\n```\n@tributary after the code")]
    [InlineData(">>>\nquote\n>>>\n@tributary after the quote")]
    [InlineData("\t@tributary indented")]
    public void IsIn_MentionOutsideQuotesAndCode_True(string note) => Assert.True(s_mention.IsIn(note));

    [Theory]
    [InlineData("")]
    [InlineData("tributary without the at")]
    [InlineData("@tributary_bot")]
    [InlineData("@tributary-bot")]
    [InlineData("@tributary.bot")]
    [InlineData("someone@tributary.dev")]
    [InlineData("@@tributary")]
    [InlineData("> @tributary quoted")]
    [InlineData("  > @tributary quoted and indented")]
    [InlineData(">>>\n@tributary in a quote block\n>>>")]
    [InlineData("```\n@tributary in a code fence\n```")]
    public void IsIn_NoMentionOrOnlyQuoted_False(string note) => Assert.False(s_mention.IsIn(note));

    [Theory]
    [InlineData("@tributary why does this loop never end?", "why does this loop never end?")]
    [InlineData("Hey @Tributary, is this safe?", "Hey , is this safe?")]
    [InlineData("> @tributary old question\n\n@tributary and now?", "and now?")]
    [InlineData("```\nx = 1\n```\n@tributary what is x?", "what is x?")]
    public void Question_MentionOutsideQuotesAndCode_IsTheNotesOwnTextWithoutIt(string note, string question) =>
        Assert.Equal(question, s_mention.Question(note));

    [Fact]
    public void Question_OnlyQuoted_IsNull() =>
        Assert.Null(s_mention.Question("> @tributary why does this loop never end?\n\nI wondered too."));
}
