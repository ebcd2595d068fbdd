namespace Topiary.Runtime;

/// <summary>Creates references to grains and to local observer objects.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain of interface <typeparamref name="TGrain"/> with
    /// <paramref name="key"/>. Creating a reference is cheap and never activates the grain; the first
    /// call does. Two references to the same grain are equal.
    /// </summary>
    /// <exception cref="ArgumentException">No class implementing <typeparamref name="TGrain"/> was discovered.</exception>
    TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey;

    /// <summary>
    /// Registers <paramref name="observer"/> with this process and returns a reference that can be passed
    /// to grains. Calls through the reference run on the object one at a time, in the order they were sent.
    /// The runtime holds the object strongly until <see cref="DeleteObjectReference{TObserver}"/>.
    /// </summary>
    TObserver CreateObjectReference<TObserver>(TObserver observer)
        where TObserver : IGrainObserver;

    /// <summary>
    /// Unregisters the object behind <paramref name="reference"/>. Calls already queued and later calls
    /// fail with <c>NOT_FOUND</c> (they are not silently dropped), so grains can drop dead observers.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reference"/> was not created by this process.</exception>
    void DeleteObjectReference<TObserver>(TObserver reference)
        where TObserver : IGrainObserver;
}
