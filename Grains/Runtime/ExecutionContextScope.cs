namespace Topiary.Runtime;

/// <summary>
/// Suppresses <see cref="ExecutionContext"/> flow into timers and work items created in its scope, so
/// that a timer created during a grain turn does not carry that turn's async-locals (its call chain)
/// into unrelated later work, nor keep them alive.
/// </summary>
internal readonly struct ExecutionContextScope : IDisposable
{
    private readonly bool _restore;

    private ExecutionContextScope(bool restore) => _restore = restore;

    public static ExecutionContextScope Suppress()
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return default;
        }
        ExecutionContext.SuppressFlow();
        return new ExecutionContextScope(true);
    }

    public void Dispose()
    {
        if (_restore)
        {
            ExecutionContext.RestoreFlow();
        }
    }
}
