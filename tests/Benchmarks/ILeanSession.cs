namespace Tributary.Benchmarks;

/// <summary>One MCP session of the lean load generator, whatever transport it speaks.</summary>
internal interface ILeanSession : IDisposable
{
    /// <summary>Calls <c>echo</c> once; false when the answer was not a successful result.</summary>
    Task<bool> CallEchoAsync(CancellationToken cancellationToken);
}
