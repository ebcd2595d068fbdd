namespace Topiary.Runtime.Storage;

/// <summary>
/// A one-time asynchronous initialisation (opening a database, applying its schema) shared by concurrent callers.
/// A failed or cancelled attempt is not cached: the next caller starts a new one, so a database that was down at
/// start is picked up once it is back.
/// </summary>
internal sealed class RetriedInitialisation(Func<Task> initialise)
{
    private readonly Lock _gate = new();
    private Task? _current;

    /// <summary>The running or completed initialisation; a new one if the last attempt failed.</summary>
    public Task EnsureAsync()
    {
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                _current = initialise();
            }
            return _current;
        }
    }
}
