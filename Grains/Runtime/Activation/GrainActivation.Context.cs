using System.Text.Json;
using Topiary.Errors;
using Topiary.Runtime.Calls;

namespace Topiary.Runtime.Activation;

/// <summary>The <see cref="IGrainContext"/> half of an activation: what grain code calls on its base class.</summary>
internal sealed partial class GrainActivation
{
    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        if (_phase is Phase.Deactivating or Phase.Deactivated)
        {
            throw new InvalidOperationException("Timers cannot be registered while the activation is deactivating.");
        }
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }
        return timer;
    }

    public Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Runtime.Reminders.RegisterAsync(ClassInfo, Key, reminderName, dueTime, period);

    public Task UnregisterReminderAsync(string reminderName) => Runtime.Reminders.UnregisterAsync(ClassInfo, Key, reminderName);

    public void DeactivateOnIdle() => DeactivateAfterTurn(
        new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "the grain called DeactivateOnIdle"));

    public async Task<(TState? State, string? ETag)> ReadStateAsync<TState>()
        where TState : class
    {
        var record = await Runtime.StateStore.ReadAsync(ClassInfo.GrainType, Key, CancellationToken.None);
        if (record is null)
        {
            return (null, null);
        }
        var typeInfo = Runtime.Serializer.GetTypeInfo(typeof(TState), $"the state of {ClassInfo.ClassType.Name}");
        try
        {
            var state = JsonSerializer.Deserialize(record.Data, typeInfo) as TState
                ?? throw new JsonException("The stored state is null.");
            return (state, record.ETag);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            // The record stays as it is: an operator can inspect or repair it; only this grain is unavailable.
            var correlationId = Guid.NewGuid().ToString("N");
            RuntimeLog.StateUnreadable(Logger, ex, ClassInfo.GrainType, Key, correlationId);
            throw TopiaryException.Create(ErrorEnvelope.For(ErrorCode.InternalError,
                $"the stored state of this item could not be read (correlation id {correlationId})", correlationId: correlationId));
        }
    }

    public Task<string> WriteStateAsync<TState>(TState state, string? eTag)
        where TState : class
    {
        var typeInfo = Runtime.Serializer.GetTypeInfo(typeof(TState), $"the state of {ClassInfo.ClassType.Name}");
        var data = JsonSerializer.SerializeToUtf8Bytes(state, typeInfo);
        return Runtime.StateStore.WriteAsync(ClassInfo.GrainType, Key, data, eTag, CancellationToken.None);
    }

    public Task ClearStateAsync(string? eTag) => Runtime.StateStore.ClearAsync(ClassInfo.GrainType, Key, eTag, CancellationToken.None);
}
