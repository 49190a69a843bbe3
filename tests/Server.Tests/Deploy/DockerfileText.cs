using System.Text.Json;

namespace Tributary.Server.Tests.Deploy;

/// <summary>
/// A Dockerfile read as its stages and instructions (continuation lines joined, comments dropped): enough to check
/// what the final image runs as and runs, and which repository paths the build copies, without Docker.
/// </summary>
internal sealed class DockerfileText
{
    private DockerfileText(IReadOnlyList<DockerStage> stages) => Stages = stages;

    /// <summary>Gets the stages in file order; the last is the image <c>docker build</c> makes by default.</summary>
    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>Gets the final stage.</summary>
    public DockerStage Final => Stages[^1];

    public static DockerfileText Parse(string text)
    {
        var stages = new List<DockerStage>();
        var logical = new List<string>();
        string pending = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (pending.Length == 0 && line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            string whole = (pending + line).Trim();
            pending = string.Empty;
            if (whole.Length > 0)
            {
                logical.Add(whole);
            }
        }

        foreach (var line in logical)
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            string arguments = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string? name = words.Length >= 3 && words[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[^1] : null;
                stages.Add(new DockerStage(words.First(w => !w.StartsWith("--", StringComparison.Ordinal)), name, new List<DockerInstruction>()));
            }
            else if (stages.Count > 0)
            {
                ((List<DockerInstruction>)stages[^1].Instructions).Add(new DockerInstruction(keyword, arguments));
            }
        }

        return new DockerfileText(stages);
    }

    /// <summary>
    /// The last <paramref name="keyword"/> instruction in effect in <paramref name="stage"/>: its own, else (for
    /// <c>USER</c>, <c>ENTRYPOINT</c>, <c>CMD</c> and the like) the one of the stage it is built <c>FROM</c>.
    /// </summary>
    public DockerInstruction? InEffect(DockerStage stage, string keyword)
    {
        for (DockerStage? current = stage; current is not null; current = Stages.FirstOrDefault(s => s.Name == current.Base))
        {
            if (current.Instructions.LastOrDefault(i => i.Keyword == keyword) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The exec form of <c>ENTRYPOINT</c>/<c>CMD</c> (a JSON array), or <see langword="null"/> for the shell form.</summary>
    public static IReadOnlyList<string>? ExecForm(DockerInstruction instruction) =>
        instruction.Arguments.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(instruction.Arguments) : null;

    /// <summary>The sources of the <c>COPY</c>/<c>ADD</c> instructions that take files from the build context (not <c>--from</c> a stage or image).</summary>
    public IEnumerable<string> ContextSources() =>
        from stage in Stages
        from instruction in stage.Instructions
        where instruction.Keyword is "COPY" or "ADD"
        let words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        where !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal))
        let paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray()
        from source in paths[..^1]
        select source;
}
