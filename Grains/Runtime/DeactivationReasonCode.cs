namespace Topiary.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>No reason recorded.</summary>
    None = 0,

    /// <summary>No call reached the activation for longer than the idle timeout.</summary>
    ActivationIdle,

    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The runtime is stopping.</summary>
    ShuttingDown,

    /// <summary>A turn failed with a stale ETag; the next activation reloads the state.</summary>
    StateConflict,
}
