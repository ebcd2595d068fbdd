namespace Topiary.Runtime.Hosting;

/// <summary>The lifecycle of a <see cref="GrainRuntime"/>.</summary>
internal enum RuntimeStatus
{
    NotStarted,
    Running,
    Stopping,
    Stopped,
}
