namespace Topiary.Runtime;

/// <summary>
/// Marker of every grain interface. A grain is a virtual actor: it exists logically forever, is
/// activated in memory on its first call, handles one message at a time and is collected when idle.
/// Callers hold references (proxies) obtained from <see cref="IGrainFactory"/>, never instances.
/// </summary>
// CA1040: a marker by design; the runtime discovers grain interfaces through it.
#pragma warning disable CA1040
public interface IGrain
{
}
