using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Typed single values: booleans, numbers, durations and sizes.</summary>
public sealed partial class MappingReader
{
    private const string DurationFix = "write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h";

    /// <summary><c>true</c> or <c>false</c>, or <see langword="null"/> when absent or invalid (reported; an empty value is invalid).</summary>
    public bool? Bool(string field)
    {
        string fix = $"write '{field}: true' or '{field}: false'";
        if (Scalar(field, "must be true or false", fix) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out bool value))
        {
            return value;
        }

        Problem(field, $"must be true or false, but is '{text}'; {fix}");
        return null;
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, or <see langword="null"/> when absent or invalid (reported).</summary>
    public double? Number(string field, double min, double max, string example) =>
        InRange<double>(field, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", example, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max ? value : (double?)null);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <see langword="null"/> when absent or invalid (reported).</summary>
    public int? WholeNumber(string field, int min, int max, string example) =>
        InRange<int>(field, $"must be a whole number from {min} to {max}", example, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value : (int?)null);

    /// <summary>A duration (<c>30</c>, <c>500ms</c>, <c>2m</c>; see <see cref="DurationParser"/>), or <see langword="null"/> when absent or invalid (reported).</summary>
    public TimeSpan? Duration(string field)
    {
        if (Scalar(field, "must be a duration such as '30s'", DurationFix) is not { } text)
        {
            return null;
        }

        if (DurationParser.Check(text, out var duration) is { } problem)
        {
            Problem(field, problem);
            return null;
        }

        return duration;
    }

    /// <summary>A size from <paramref name="min"/> to <paramref name="max"/> bytes (<c>16MiB</c>; see <see cref="SizeParser"/>), or <see langword="null"/> when absent or invalid (reported).</summary>
    public long? Size(string field, long min, long max)
    {
        const string Fix = "write a number of bytes (1048576) or a whole number with a unit: 512KiB, 16MiB, 1GiB";
        if (Scalar(field, "must be a size such as '16MiB'", Fix) is not { } text)
        {
            return null;
        }

        if (SizeParser.Check(text, min, max, out long bytes) is { } problem)
        {
            Problem(field, problem);
            return null;
        }

        return bytes;
    }

    private T? InRange<T>(string field, string what, string example, Func<string, T?> parse)
        where T : struct
    {
        string fix = $"write e.g. '{field}: {example}'";
        if (Scalar(field, what, fix) is not { } text)
        {
            return null;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        Problem(field, $"{what}, but is '{text}'; {fix}");
        return null;
    }

    // A typed value must be one written value: empty, a list or a mapping is reported as "{what}, but it is {kind}; {fix}".
    private string? Scalar(string field, string what, string fix)
    {
        if (!_given.TryGetValue(field, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlScalarNode { Value: { } text } && !YamlNodes.IsNull(entry.Value))
        {
            return text;
        }

        Problem(field, $"{what}, but it is {YamlNodes.Describe(entry.Value)}; {fix}");
        return null;
    }
}
