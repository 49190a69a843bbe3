using System.Text;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed class YamlConfigDocumentTests
{
    private const string File = "tributary.yml";

    /// <summary>Nine levels of ten aliases each: 10^9 values if expanded ("billion laughs").</summary>
    internal static readonly string BillionLaughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + string.Concat(Enumerable.Range(1, 8).Select(i =>
        {
            char name = (char)('a' + i);
            char previous = (char)('a' + i - 1);
            return $"{name}: &{name} [{string.Join(',', Enumerable.Repeat($"*{previous}", 10))}]\n";
        }));

    [Fact]
    public void Parse_200000NestedBrackets_ReportsTheDepthLimitInsteadOfOverflowingTheStack()
    {
        string error = Error("mcp_servers: " + new string('[', 200_000));

        Assert.Equal("tributary.yml:1:77: nesting deeper than 64 levels at line 1; Tributary reads at most 64 levels of lists and mappings, so the file is not read; flatten it", error);
    }

    [Fact]
    public void Parse_DeepBlockMappings_ReportsTheDepthLimitAtTheLineOfLevel65()
    {
        var yaml = new StringBuilder();
        for (int level = 0; level < 100; level++)
        {
            yaml.Append(' ', level).Append('k').Append(level).Append(":\n");
        }

        string error = Error(yaml.ToString());

        Assert.Equal("tributary.yml:65:65: nesting deeper than 64 levels at line 65; Tributary reads at most 64 levels of lists and mappings, so the file is not read; flatten it", error);
    }

    [Fact]
    public void Parse_64Levels_IsRead()
    {
        var document = YamlConfigDocument.Parse("a: " + new string('[', 63) + new string(']', 63), File);

        Assert.Empty(document.Errors);
        Assert.NotNull(document.Root);
    }

    [Fact]
    public void Parse_BillionLaughs_ReportsTheAliasExpansionLimit()
    {
        string error = Error(BillionLaughs);

        Assert.Equal("tributary.yml:5:29: aliases expand to more than 100,000 values at line 5; Tributary expands at most 100,000 (an alias bomb would exhaust memory), so the file is not read; write the values out or use fewer aliases", error);
    }

    [Fact]
    public void Parse_MoreThan1000Aliases_ReportsTheAliasLimit()
    {
        string error = Error("a: &a x\nb: [" + string.Join(',', Enumerable.Repeat("*a", 1001)) + "]\n");

        Assert.Equal("tributary.yml:2:3005: more than 1000 aliases at line 2; Tributary reads at most 1000 alias references ('*name'), so the file is not read; write the values out", error);
    }

    [Fact]
    public void Parse_AliasInsideItsOwnAnchor_ReportsTheLoopWithoutNamingIt()
    {
        string error = Error("args: &secret-ish [x, *secret-ish]\n");

        Assert.Equal("tributary.yml:1:23: an alias at line 1 refers to a list or mapping that contains it, an endless loop, so the file is not read; remove the alias", error);
    }

    [Fact]
    public void Parse_TextOverTheSizeLimit_ReportsTheSizeWithoutParsing()
    {
        string error = Error("a: " + new string('x', 1024 * 1024));

        Assert.Equal("tributary.yml: the file is 1,048,579 bytes, more than the limit of 1,048,576 bytes (1 MiB), so it is not read; check that this is the right file", error);
    }

    [Fact]
    public void Parse_RepositoryLimits_Are64KiB()
    {
        var document = YamlConfigDocument.Parse("a: " + new string('x', 64 * 1024), ".tributary.yml", YamlLimits.RepositoryFile);

        Assert.Equal(".tributary.yml: the file is 65,539 bytes, more than the limit of 65,536 bytes (64 KiB), so it is not read; check that this is the right file", Assert.Single(document.Errors).ToString());
        Assert.Null(document.Stream);
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_ReadsNoMoreThanTheLimitAndReportsIt()
    {
        string path = Path.Combine(Path.GetTempPath(), "tributary-" + Guid.NewGuid().ToString("N") + ".yml");
        try
        {
            using (var file = System.IO.File.Create(path))
            {
                file.SetLength(3L * 1024 * 1024);
            }

            var document = YamlConfigDocument.Load(path);

            Assert.Equal($"{path}: the file is 3,145,728 bytes, more than the limit of 1,048,576 bytes (1 MiB), so it is not read; check that this is the right file", Assert.Single(document.Errors).ToString());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Load_SmallFile_IsReadWithItsAnchors()
    {
        string path = Path.Combine(Path.GetTempPath(), "tributary-" + Guid.NewGuid().ToString("N") + ".yml");
        try
        {
            System.IO.File.WriteAllText(path, "a: &x [1, 2]\nb: *x\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            var document = YamlConfigDocument.Load(path);

            Assert.Empty(document.Errors);
            Assert.Same(document.Section("a"), document.Section("b"));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static string Error(string yaml) =>
        Assert.Single(YamlConfigDocument.Parse(yaml, File).Errors).ToString();
}
