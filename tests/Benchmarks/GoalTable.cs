using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>Every figure of the run against its goal from issue 17, printed as one Markdown table at the end.</summary>
internal sealed class GoalTable
{
    private readonly List<(string Figure, string Goal, string Measured, bool? Met)> _rows = [];

    /// <summary>Adds a row; <paramref name="met"/> null for a figure that is reported, not judged.</summary>
    public void Add(string figure, string goal, string measured, bool? met) => _rows.Add((figure, goal, measured, met));

    public void Add(string figure, string goal, FormattableString measured, bool? met) =>
        Add(figure, goal, measured.ToString(CultureInfo.InvariantCulture), met);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| figure | goal | measured | met |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (figure, goal, measured, met) in _rows)
        {
            Console.WriteLine($"| {figure} | {goal} | {measured} | {(met is null ? "-" : met.Value ? "yes" : "**no**")} |");
        }
    }
}
