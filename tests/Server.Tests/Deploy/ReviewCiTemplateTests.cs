using YamlDotNet.RepresentationModel;

namespace Tributary.Server.Tests.Deploy;

/// <summary><c>config/gitlab-ci/tributary-review.yml</c>, the job projects <c>include:</c> to get reviews.</summary>
public sealed class ReviewCiTemplateTests
{
    private const string TemplatePath = "config/gitlab-ci/tributary-review.yml";

    [Fact]
    public void Template_Jobs_AreTheHiddenJobAndTheJobExtendingIt()
    {
        var root = Load();

        Assert.Equal([".tributary-review", "tributary-review"], root.Children.Keys.Select(Scalar));
        var job = Mapping(root, "tributary-review");
        Assert.Equal(["extends"], job.Children.Keys.Select(Scalar));
        Assert.Equal(".tributary-review", Scalar(job, "extends"));
    }

    [Fact]
    public void HiddenJob_ImageRulesScript_RunTributaryReviewInMergeRequestPipelines()
    {
        var job = Mapping(Load(), ".tributary-review");

        var image = Mapping(job, "image");
        Assert.Equal("$TRIBUTARY_IMAGE", Scalar(image, "name"));
        Assert.Equal([string.Empty], Sequence(image, "entrypoint").Select(Scalar));
        var rule = (YamlMappingNode)Assert.Single(Sequence(job, "rules"));
        Assert.Equal(["if"], rule.Children.Keys.Select(Scalar));
        Assert.Equal("$CI_PIPELINE_SOURCE == \"merge_request_event\"", Scalar(rule, "if"));
        Assert.Equal(["tributary review"], Sequence(job, "script").Select(Scalar));
        Assert.Empty(Sequence(job, "needs"));
        Assert.Equal("true", Scalar(job, "interruptible"));
        Assert.Equal("true", Scalar(job, "allow_failure"));
    }

    [Fact]
    public void HiddenJob_Variables_TheImageWithADefaultNoCloneAndTheConfigButNoSecrets()
    {
        var variables = Mapping(Mapping(Load(), ".tributary-review"), "variables");

        Assert.Equal(
            [
                ("TRIBUTARY_IMAGE", "registry.example.com/tributary:latest"),
                ("GIT_STRATEGY", "none"),
                ("TRIBUTARY_CONFIG", "/app/config/tributary.yml"),
            ],
            variables.Children.Select(v => (Scalar(v.Key), Scalar(v.Value))));
    }

    [Fact]
    public void Template_Comments_NameTheSecretsToSetAsMaskedCiCdVariables()
    {
        var comments = File.ReadAllLines(RepositoryFiles.PathOf(TemplatePath)).Where(l => l.TrimStart().StartsWith('#')).ToList();

        Assert.Contains(comments, l => l.StartsWith("#   TRIBUTARY_GITLAB_TOKEN  Masked, not protected", StringComparison.Ordinal));
        Assert.Contains(comments, l => l.StartsWith("#   OPENAI_API_KEY          Masked.", StringComparison.Ordinal));
        Assert.Contains(comments, l => l.Contains("file: config/gitlab-ci/tributary-review.yml", StringComparison.Ordinal));
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryFiles.PathOf(TemplatePath));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(key)]);

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) => Assert.IsType<YamlSequenceNode>(node.Children[new YamlScalarNode(key)]).Children;

    private static string Scalar(YamlMappingNode node, string key) => Scalar(node.Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? string.Empty;
}
