namespace Topiary.Runtime;

/// <summary>
/// A grain addressed by a string key (a topic path, a session id, a server name …).
/// Derive one interface per grain from this; exactly one class may implement it. Every method
/// returns <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or
/// <see cref="ValueTask{TResult}"/>; arguments and results cross a serialising boundary
/// (System.Text.Json source-generated contexts), so they are values, never shared objects.
/// </summary>
// CA1040: a marker by design; the runtime discovers grain interfaces through it.
#pragma warning disable CA1040
public interface IGrainWithStringKey : IGrain
{
}
