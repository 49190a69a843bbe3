using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Mcp;

[Collection(EverythingHostGroup.Name)]
public sealed class CatalogCompletionTests(EverythingHost everything)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complete_PromptArgument_ReturnsTheUpstreamsValues()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);
        var prompt = new PromptReference { Name = "everything__completable-prompt" };

        var department = await client.CompleteAsync(prompt, "department", "E", cancellationToken: Token);
        var name = await client.CompleteAsync(
            new CompleteRequestParams
            {
                Ref = prompt,
                Argument = new Argument { Name = "name", Value = "" },
                Context = new CompleteContext { Arguments = new Dictionary<string, string> { ["department"] = "Sales" } },
            },
            Token);

        Assert.Equal(["Engineering"], department.Completion.Values);
        Assert.Equal(["David", "Eve", "Frank"], name.Completion.Values);
    }

    [Fact]
    public async Task Complete_ResourceTemplateArgument_ReturnsTheUpstreamsValues()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var result = await client.CompleteAsync(
            new ResourceTemplateReference { Uri = "demo://resource/dynamic/text/{resourceId}" }, "resourceId", "42", cancellationToken: Token);

        Assert.Equal(["42"], result.Completion.Values);
    }

    [Fact]
    public async Task Complete_UnknownPrompt_IsInvalidParamsNamingTheReference()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await client.CompleteAsync(new PromptReference { Name = "everything__no-such-prompt" }, "x", "", cancellationToken: Token));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("prompt 'everything__no-such-prompt'", error.Message, StringComparison.Ordinal);
    }
}
