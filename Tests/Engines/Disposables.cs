namespace Topiary.Tests.Engines;

/// <summary>
/// Clients a test creates against a shared engine (stores with connection pools, Redis connections), disposed
/// when the test ends so that a run never exhausts the server's connection limit.
/// </summary>
internal sealed class Disposables : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _items = [];

    /// <summary>Registers <paramref name="item"/> for disposal and returns it.</summary>
    public T Add<T>(T item)
        where T : IAsyncDisposable
    {
        lock (_items)
        {
            _items.Add(item);
        }
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] items;
        lock (_items)
        {
            items = [.. _items];
            _items.Clear();
        }
        // Last created first: a membership goes before the connection it uses.
        foreach (var item in items.Reverse())
        {
            await item.DisposeAsync();
        }
    }
}
