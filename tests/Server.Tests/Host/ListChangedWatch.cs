using ModelContextProtocol.Client;

namespace Tributary.Server.Tests.Host;

/// <summary>Counts one kind of <c>list_changed</c> notification a client receives, and lists again after each.</summary>
internal sealed class ListChangedWatch : IAsyncDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    private readonly string _method;
    private readonly SemaphoreSlim _received = new(0);
    private readonly IAsyncDisposable _registration;

    /// <summary>Starts counting the <paramref name="method"/> notifications <paramref name="client"/> receives.</summary>
    public ListChangedWatch(McpClient client, string method)
    {
        _method = method;
        _registration = client.RegisterNotificationHandler(method, (_, _) =>
        {
            _received.Release();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Waits for a notification, then lists with <paramref name="list"/>, until the listing satisfies
    /// <paramref name="done"/>. A change may be announced before the one awaited (the first listing loads the
    /// catalog, which announces itself), hence the loop. Fails when no notification comes within 30 s.
    /// </summary>
    public async Task<T> UntilAsync<T>(Func<Task<T>> list, Func<T, bool> done, CancellationToken cancellationToken)
    {
        T listed;
        do
        {
            Assert.True(await _received.WaitAsync(s_bound, cancellationToken), $"no {_method} reached the client");
            listed = await list();
        }
        while (!done(listed));

        return listed;
    }

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        _received.Dispose();
    }
}
