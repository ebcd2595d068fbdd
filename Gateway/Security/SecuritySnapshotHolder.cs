using Topiary.Security;

namespace Topiary.Gateway.Security;

/// <summary>
/// This gateway's current compiled security store (SEC-45). Replaced whole, and only by a
/// newer version, so permissions are never evaluated with an older snapshot than before (SEC-80).
/// Until the first load it holds an empty store, which grants nothing.
/// </summary>
internal sealed class SecuritySnapshotHolder
{
    private readonly Lock _gate = new();
    private volatile CompiledSecurity _current = new(new SecurityState());

    public CompiledSecurity Current => _current;

    /// <summary>Installs <paramref name="snapshot"/> if it is newer than the current one.</summary>
    public bool TryReplace(SecurityState snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Version <= _current.Version)
            {
                return false;
            }
            _current = new CompiledSecurity(snapshot);
            return true;
        }
    }
}
