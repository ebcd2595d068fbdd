namespace Topiary.Runtime;

/// <summary>
/// What a <see cref="Grain"/> needs from its host. The runtime supplies one per activation; unit tests
/// get <see cref="DetachedGrainContext"/>, so grains are constructible without a runtime.
/// </summary>
internal interface IGrainContext
{
    string Key { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider TimeProvider { get; }

    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminderAsync(string reminderName);

    void DeactivateOnIdle();

    /// <summary>Reads the stored state; <c>(null, null)</c> when no record exists.</summary>
    Task<(TState? State, string? ETag)> ReadStateAsync<TState>()
        where TState : class;

    /// <summary>Writes the state if the stored ETag still equals <paramref name="eTag"/>; returns the new ETag.</summary>
    Task<string> WriteStateAsync<TState>(TState state, string? eTag)
        where TState : class;

    Task ClearStateAsync(string? eTag);
}
