using System.Collections;

namespace Tributary.Server.Security;

/// <summary>The log scope of one caller's request: <c>Caller</c> = its subject, as structured state and as text.</summary>
internal sealed class CallerScope(string caller) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The scope's one property.</summary>
    public const string Property = "Caller";

    /// <summary>The caller's subject.</summary>
    public string Caller => caller;

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Property, caller) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{Property}: {caller}";
}
