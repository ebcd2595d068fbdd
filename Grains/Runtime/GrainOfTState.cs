namespace Topiary.Runtime;

/// <summary>
/// A grain with persistent state of type <typeparamref name="TState"/> (register it in a
/// <c>[JsonSerializable]</c> context). The runtime reads the state before
/// <see cref="Grain.OnActivateAsync"/>; the grain writes it when it chooses.
/// </summary>
/// <remarks>
/// Writes use optimistic concurrency: each write carries the ETag of the last read or write. If the
/// stored record changed underneath (another writer, or a single-activation violation),
/// <see cref="WriteStateAsync"/> and <see cref="ClearStateAsync"/> throw
/// <see cref="Storage.InconsistentStateException"/> and nothing is written. If that exception escapes a
/// turn, the activation is deactivated after the turn so that the next call reloads the stored state.
/// Without a runtime the state lives in memory only.
/// </remarks>
public abstract class Grain<TState> : Grain
    where TState : class, new()
{
    private TState _state = new();
    private string? _eTag;

    /// <summary>The in-memory state; changes are durable only after <see cref="WriteStateAsync"/>.</summary>
    protected TState State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether a stored record exists (it was read or written and not cleared since).</summary>
    protected bool RecordExists => _eTag is not null;

    /// <summary>Replaces <see cref="State"/> with the stored record, or a new instance if none exists.</summary>
    protected async Task ReadStateAsync()
    {
        var (state, eTag) = await Context.ReadStateAsync<TState>();
        _state = state ?? new TState();
        _eTag = eTag;
    }

    /// <summary>Stores <see cref="State"/> atomically if the record is unchanged since the last read or write.</summary>
    protected async Task WriteStateAsync() => _eTag = await Context.WriteStateAsync(_state, _eTag);

    /// <summary>Deletes the stored record (same ETag rule as writes) and resets <see cref="State"/>.</summary>
    protected async Task ClearStateAsync()
    {
        await Context.ClearStateAsync(_eTag);
        _state = new TState();
        _eTag = null;
    }

    internal override Task LoadStateAsync() => ReadStateAsync();
}
