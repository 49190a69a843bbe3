namespace Tributary.McpClientRegistry.Connections;

/// <summary>The last few lines a stdio server wrote to its standard error, kept for the health error.</summary>
internal sealed class StderrTail(int capacity = 20)
{
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
        }
    }

    /// <summary>The last <paramref name="count"/> non-empty lines joined with " | ", or null if there are none.</summary>
    public string? Last(int count = 3)
    {
        lock (_gate)
        {
            var lines = _lines.Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(count).Select(l => l.Trim()).ToArray();
            return lines.Length == 0 ? null : string.Join(" | ", lines);
        }
    }
}
