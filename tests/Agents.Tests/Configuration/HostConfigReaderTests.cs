using Tributary.Agents.Configuration;

namespace Tributary.Agents.Tests.Configuration;

public sealed class HostConfigReaderTests
{
    private const string File = "tributary.yml";

    [Fact]
    public void Parse_NoHostSection_SetsNothing()
    {
        var result = TributaryConfigLoader.Parse("mcp_servers: {}\n", File);

        Assert.True(result.IsValid);
        Assert.Empty(result.Config.Host.Urls);
        Assert.Empty(result.Config.Host.AllowedHosts);
        Assert.Equal(TimeSpan.Zero, result.Config.Host.Drain);
    }

    [Fact]
    public void Parse_UrlsAndAllowedHosts_GivesThemInOrder()
    {
        var result = TributaryConfigLoader.Parse(
            """
            host:
              urls: [http://0.0.0.0:8420, "http://[::1]:9000", "http://*:8421", http://unix:/run/tributary.sock]
              allowed_hosts: [tributary.example.com, "*.lan", "[::1]", "*"]
            """,
            File);

        Assert.Empty(result.Errors);
        Assert.Equal(["http://0.0.0.0:8420", "http://[::1]:9000", "http://*:8421", "http://unix:/run/tributary.sock"], result.Config!.Host.Urls);
        Assert.Equal(["tributary.example.com", "*.lan", "[::1]", "*"], result.Config.Host.AllowedHosts);
    }

    [Fact]
    public void Parse_Drain_IsADuration()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), TributaryConfigLoader.Parse("host:\n  drain: 15s\n", File).Config!.Host.Drain);
        Assert.Equal(
            ["tributary.yml:2:10: host.drain: must be greater than zero, but is '0s'; write e.g. '30s'"],
            TributaryConfigLoaderTests.Errors("host:\n  drain: 0s\n"));
    }

    [Theory]
    [InlineData("127.0.0.1:8420")]
    [InlineData("ftp://127.0.0.1:8420")]
    [InlineData("http://127.0.0.1:8420/tributary")]
    [InlineData("http://127.0.0.1:84x")]
    public void Parse_BadUrl_NamesTheLineAndTheFix(string url)
    {
        Assert.Equal(
            [$"tributary.yml:4:7: host.urls[1]: '{url}' is not a listen address; write the scheme, host and port with no path, e.g. 'http://127.0.0.1:8420' (this machine only) or 'http://0.0.0.0:8420' (every interface)"],
            TributaryConfigLoaderTests.Errors($"host:\n  urls:\n    - http://127.0.0.1:8420\n    - {url}\n"));
    }

    [Theory]
    [InlineData("https://tributary.example.com")]
    [InlineData("tributary.example.com:8420")]
    [InlineData("tributary.example.com/mcp")]
    public void Parse_BadAllowedHost_SaysToWriteTheNameAlone(string host)
    {
        Assert.Equal(
            [$"tributary.yml:2:19: host.allowed_hosts[0]: '{host}' is not a host name; write the name alone, without scheme, port or path, e.g. 'tributary.example.com', '*.example.com' for its subdomains, or '*' for any"],
            TributaryConfigLoaderTests.Errors($"host:\n  allowed_hosts: [\"{host}\"]\n"));
    }

    [Fact]
    public void Parse_RefusedAndUnknownFields_SayWhatToUseInstead()
    {
        Assert.Equal(
            [
                "tributary.yml:2:3: host.port: is not a setting of its own; write the port in 'urls', e.g. 'urls: [http://127.0.0.1:8420]'",
                "tributary.yml:3:3: host.mcp_key: is a secret, so it is not read from the file; remove it and export TRIBUTARY_MCP_KEY instead",
                "tributary.yml:4:3: host.allow_anonymous: is not read from the file, so serving without a key stays a choice made where Tributary is started; remove it and pass --allow-anonymous to 'tributary serve'",
                "tributary.yml:5:3: host.url: unknown field 'url'; did you mean 'urls'?",
                "tributary.yml:6:3: host.allowed_host: unknown field 'allowed_host'; did you mean 'allowed_hosts'?",
                "tributary.yml:7:3: host.workers: unknown field 'workers'; valid fields are: urls, allowed_hosts, drain, oauth",
            ],
            TributaryConfigLoaderTests.Errors("host:\n  port: 8420\n  mcp_key: abc\n  allow_anonymous: true\n  url: http://127.0.0.1:8420\n  allowed_host: [x]\n  workers: 4\n"));
    }

    [Theory]
    [InlineData("host: http://0.0.0.0:8420\n", "tributary.yml:1:7: host: must be a mapping of settings, but it is a single value; write e.g. 'host: { urls: [http://127.0.0.1:8420] }'")]
    [InlineData("host:\n  urls: http://0.0.0.0:8420\n", "tributary.yml:2:9: host.urls: must be a list, but it is a single value; write e.g. 'urls: [http://127.0.0.1:8420]'")]
    public void Parse_WrongShape_ShowsTheRightOne(string yaml, string error)
    {
        Assert.Equal([error], TributaryConfigLoaderTests.Errors(yaml));
    }
}
