using System.Globalization;

namespace Topiary.Runtime;

/// <summary>
/// The context of a grain constructed outside the runtime (unit tests): a key, a clock, an optional
/// factory, and an in-memory "store" that keeps the last written state object (by reference, no copy).
/// Timers and reminders are accepted and never fire; call the grain's callbacks directly in tests.
/// Attach with <c>grain.Initialise(new DetachedGrainContext("key"))</c> (internal; the test assembly sees internals).
/// </summary>
internal sealed class DetachedGrainContext(string key, TimeProvider? timeProvider = null, IGrainFactory? grainFactory = null)
    : IGrainContext
{
    private object? _stored;
    private string? _eTag;
    private int _version;

    public string Key { get; } = key;

    public TimeProvider TimeProvider { get; } = timeProvider ?? TimeProvider.System;

    public IGrainFactory GrainFactory => grainFactory
        ?? throw new InvalidOperationException("This grain is not attached to a runtime; pass an IGrainFactory to DetachedGrainContext.");

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) => NoopDisposable.Instance;

    public Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period) => Task.CompletedTask;

    public Task UnregisterReminderAsync(string reminderName) => Task.CompletedTask;

    public void DeactivateOnIdle()
    {
    }

    public Task<(TState? State, string? ETag)> ReadStateAsync<TState>()
        where TState : class => Task.FromResult((_stored as TState, _eTag));

    public Task<string> WriteStateAsync<TState>(TState state, string? eTag)
        where TState : class
    {
        _stored = state;
        _eTag = (++_version).ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(_eTag);
    }

    public Task ClearStateAsync(string? eTag)
    {
        _stored = null;
        _eTag = null;
        return Task.CompletedTask;
    }

    private sealed class NoopDisposable : IDisposable
    {
        public static readonly NoopDisposable Instance = new();

        public void Dispose()
        {
        }
    }
}
