using System.Globalization;
using System.Xml.Linq;

namespace Tributary.Server.Tests.Deploy;

public sealed class DockerfileTests
{
    private static readonly TimeSpan s_buildBound = TimeSpan.FromMinutes(20);

    private static readonly DockerfileText s_dockerfile = DockerfileText.Parse(File.ReadAllText(RepositoryFiles.PathOf("Dockerfile")));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void FinalStage_BuiltOnTheAspNetRuntime_RunsAsTheUnprivilegedAppUser()
    {
        var final = s_dockerfile.Final;

        Assert.Equal(["runtime", "slim", "mcr.microsoft.com/dotnet/aspnet:${DOTNET_TAG}"], BaseChain(final));
        Assert.Equal("$APP_UID", s_dockerfile.InEffect(final, "USER")?.Arguments);
        Assert.Equal("$APP_UID", s_dockerfile.InEffect(Stage("slim"), "USER")?.Arguments);
        Assert.Equal("build", s_dockerfile.Stages[0].Name);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:${DOTNET_TAG}", s_dockerfile.Stages[0].Base);
        Assert.Contains(
            s_dockerfile.Stages[0].Instructions,
            i => i is { Keyword: "RUN", Arguments: "dotnet publish src/Server/Tributary.Server.csproj -c Release --no-restore -o /app/publish" });
    }

    [Fact]
    public void FinalStage_Entrypoint_RunsTheTributaryAppHostWithServeByDefault()
    {
        var final = s_dockerfile.Final;
        var assemblyName = XDocument.Load(RepositoryFiles.PathOf("src/Server/Tributary.Server.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Equal("tributary", assemblyName);
        Assert.Equal(["tributary"], DockerfileText.ExecForm(s_dockerfile.InEffect(final, "ENTRYPOINT")!));
        Assert.Equal(["serve"], DockerfileText.ExecForm(s_dockerfile.InEffect(final, "CMD")!));
        Assert.Equal("/app", s_dockerfile.InEffect(final, "WORKDIR")?.Arguments);
        Assert.Contains(Stage("slim").Instructions, i => i is { Keyword: "COPY", Arguments: "--from=build /app/publish/ ./" });
        Assert.Equal("TRIBUTARY_CONFIG=/app/config/tributary.yml PATH=\"${PATH}:/app\"", Squeeze(s_dockerfile.InEffect(final, "ENV")!.Arguments));
        Assert.Equal("8420", s_dockerfile.InEffect(final, "EXPOSE")?.Arguments);
    }

    [Fact]
    public void TributaryConfig_PointsAtTheRepositoryConfigCopiedIntoTheImage()
    {
        var slim = Stage("slim");

        Assert.Contains(slim.Instructions, i => i is { Keyword: "COPY", Arguments: "config/ config/" });
        Assert.True(File.Exists(RepositoryFiles.PathOf("config/tributary.yml")));
        Assert.True(Directory.Exists(RepositoryFiles.PathOf("config/agents")));
    }

    [Fact]
    public void Node_InTheDefaultImageOnly_NotInTheSlimTarget()
    {
        Assert.Contains(s_dockerfile.Final.Instructions, i => i is { Keyword: "COPY", Arguments: "--from=node /usr/local/bin/node /usr/local/bin/node" });
        Assert.Contains(s_dockerfile.Final.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx", StringComparison.Ordinal));
        Assert.DoesNotContain(Stage("slim").Instructions, i => i.Arguments.Contains("node", StringComparison.Ordinal));
    }

    [Fact]
    public void Copy_EveryBuildContextSource_ExistsAndIsLetThroughByDockerignore()
    {
        var ignore = File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = s_dockerfile.ContextSources().ToList();

        Assert.Equal("*", ignore[0]);
        Assert.DoesNotContain(ignore, l => l.StartsWith("!tests", StringComparison.Ordinal));
        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            Assert.True(File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)), $"COPY {source}: not in the repository");
            string top = source.Split('/')[0];
            Assert.True(ignore.Contains($"!{top}") || ignore.Contains($"!{top}/"), $"COPY {source}: .dockerignore keeps '{top}' out of the build context");
        });
    }

    /// <summary>Builds the image and runs its help, where a container runtime is present and its daemon answers.</summary>
    [Fact]
    public async Task Image_BuiltAndRun_HelpListsReviewAndServe()
    {
        if (await DockerCli.WhyUnavailableAsync(Token) is { } why)
        {
            Assert.Skip(why);
        }

        string image = $"tributary-test:{Guid.NewGuid():N}";
        try
        {
            var build = await DockerCli.RunAsync(["build", "-t", image, RepositoryFiles.Root], s_buildBound, Token);
            Assert.True(build.ExitCode == 0, $"docker build failed ({build.ExitCode.ToString(CultureInfo.InvariantCulture)}, timed out: {build.TimedOut}):\n{build.Error}");

            var help = await DockerCli.RunAsync(["run", "--rm", image, "--help"], TimeSpan.FromMinutes(2), Token);

            Assert.Equal(0, help.ExitCode);
            var commands = help.Output.Split('\n').Select(l => l.Trim().Split(' ')[0]).ToList();
            Assert.Contains("review", commands);
            Assert.Contains("serve", commands);
        }
        finally
        {
            await DockerCli.RunAsync(["image", "rm", "--force", image], TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    private static DockerStage Stage(string name) => s_dockerfile.Stages.Single(s => s.Name == name);

    private static List<string> BaseChain(DockerStage stage)
    {
        var chain = new List<string> { stage.Name ?? stage.Base };
        for (var current = stage; current is not null; current = s_dockerfile.Stages.FirstOrDefault(s => s.Name == current.Base))
        {
            chain.Add(current.Base);
        }

        return chain;
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
