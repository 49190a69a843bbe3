using Tributary.Agents.Chat;

namespace Tributary.Agents.Tests.Chat;

public sealed class TributaryMentionTests
{
    [Theory]
    [InlineData("@tributary why does this loop never end?", "why does this loop never end?")]
    [InlineData("Hey @Tributary, is this safe?", "Hey , is this safe?")]
    [InlineData("@tributary-bot explain the failure", "explain the failure")]
    [InlineData("> @tributary old question\n\n@tributary and now?", "and now?")]
    public void Question_NoteAddressingTributary_IsItsOwnText(string note, string question) =>
        Assert.Equal(question, TributaryMention.Question(note));

    [Theory]
    [InlineData("Thanks, looks good")]
    [InlineData("> @tributary why does this loop never end?\n\nI wondered too.")]
    [InlineData(">>>\n@tributary quoted block\n>>>\nagreed")]
    [InlineData("```\n@tributary in code\n```")]
    [InlineData("mail me at me@tributary.dev")]
    [InlineData("ask @tributaryfan instead")]
    public void Question_NoteNotAddressingTributary_IsNull(string note) =>
        Assert.Null(TributaryMention.Question(note));
}
