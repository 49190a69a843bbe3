using Tributary.Agents.Configuration;

namespace Tributary.Agents.Tests.Configuration;

public sealed class HostOAuthConfigReaderTests
{
    private const string File = "tributary.yml";

    [Fact]
    public void Parse_NoOAuth_KeepsTheSharedKey()
    {
        var result = TributaryConfigLoader.Parse("host:\n  urls: [http://127.0.0.1:8420]\n", File);

        Assert.True(result.IsValid);
        Assert.Null(result.Config.Host.OAuth);
    }

    [Fact]
    public void Parse_FullOAuth_GivesEverySetting()
    {
        var result = TributaryConfigLoader.Parse(
            """
            host:
              oauth:
                authority: https://login.example.com/realms/team
                audience: api://tributary
                resource: https://tributary.example.com/mcp
                scopes: { read: tributary.read, write: tributary.write }
            """,
            File);

        Assert.Empty(result.Errors);
        Assert.Equal(
            new HostOAuthConfig
            {
                Authority = new Uri("https://login.example.com/realms/team"),
                Audience = "api://tributary",
                Resource = new Uri("https://tributary.example.com/mcp"),
                ReadScope = "tributary.read",
                WriteScope = "tributary.write",
            },
            result.Config!.Host.OAuth);
    }

    [Fact]
    public void Parse_LocalHttpIssuerWithoutScopes_IsAccepted()
    {
        var result = TributaryConfigLoader.Parse("host:\n  oauth: { authority: \"http://127.0.0.1:8080/realms/dev\", audience: tributary }\n", File);

        Assert.Empty(result.Errors);
        Assert.Null(result.Config!.Host.OAuth!.ReadScope);
        Assert.Null(result.Config.Host.OAuth.WriteScope);
    }

    [Theory]
    [InlineData(
        "host:\n  oauth:\n    audience: api://tributary\n",
        "tributary.yml:2:3: host.oauth.authority: is missing or empty; write the issuer's URL, e.g. 'authority: https://login.example.com/realms/team'")]
    [InlineData(
        "host:\n  oauth:\n    authority: https://login.example.com\n",
        "tributary.yml:2:3: host.oauth.audience: is missing or empty; write the audience the issuer puts in access tokens for Tributary, e.g. 'audience: api://tributary'")]
    [InlineData(
        "host:\n  oauth:\n    authority: http://login.example.com\n    audience: api://tributary\n",
        "tributary.yml:3:16: host.oauth.authority: 'http://login.example.com/' must use https://, as its signing keys are fetched from it; http:// is accepted only for an issuer on this machine (localhost, 127.0.0.1, [::1])")]
    [InlineData(
        "host:\n  oauth:\n    authority: login.example.com\n    audience: api://tributary\n",
        "tributary.yml:3:16: host.oauth.authority: 'login.example.com' is not an http:// or https:// URL; write e.g. 'authority: https://login.example.com/realms/team'")]
    [InlineData(
        "host:\n  oauth:\n    authority: https://login.example.com\n    audience: api://tributary\n    scopes: { read: \"tributary read\" }\n",
        "tributary.yml:5:21: host.oauth.scopes.read: 'tributary read' is not one scope; write a single scope name without spaces or quotes, e.g. 'read: tributary.read'")]
    [InlineData(
        "host:\n  oauth:\n    authority: https://login.example.com\n    audience: api://tributary\n    scopes: [tributary.read]\n",
        "tributary.yml:5:13: host.oauth.scopes: must be a mapping with 'read' and/or 'write', e.g. 'scopes: { read: tributary.read, write: tributary.write }', but it is a list")]
    [InlineData(
        "host:\n  oauth: https://login.example.com\n",
        "tributary.yml:2:10: host.oauth: must be a mapping of settings, but it is a single value; write e.g. 'oauth: { authority: https://login.example.com/realms/team, audience: api://tributary }'")]
    public void Parse_BadOAuth_NamesTheLineAndTheFix(string yaml, string error)
    {
        Assert.Equal([error], TributaryConfigLoaderTests.Errors(yaml));
    }

    [Fact]
    public void Parse_MisspelledFields_SuggestTheRightOnes()
    {
        Assert.Equal(
            [
                "tributary.yml:2:3: host.oauth.authority: is missing or empty; write the issuer's URL, e.g. 'authority: https://login.example.com/realms/team'",
                "tributary.yml:2:3: host.oauth.audience: is missing or empty; write the audience the issuer puts in access tokens for Tributary, e.g. 'audience: api://tributary'",
                "tributary.yml:3:5: host.oauth.issuer: unknown field 'issuer'; valid fields are: authority, audience, resource, scopes",
                "tributary.yml:4:5: host.oauth.audiance: unknown field 'audiance'; did you mean 'audience'?",
                "tributary.yml:5:15: host.oauth.scopes.wirte: unknown field 'wirte'; did you mean 'write'?",
            ],
            TributaryConfigLoaderTests.Errors("host:\n  oauth:\n    issuer: https://login.example.com\n    audiance: api://tributary\n    scopes: { wirte: x }\n"));
    }
}
