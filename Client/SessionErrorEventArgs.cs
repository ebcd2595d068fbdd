namespace Topiary.Client;

/// <summary>Data of <see cref="ITopiarySession.ErrorOccurred"/>: a problem that belongs to no call.</summary>
public sealed class SessionErrorEventArgs(Exception exception) : EventArgs
{
    /// <summary>
    /// A <see cref="Errors.TopiaryException"/> for an <c>error</c> notification of the server
    /// (protocol §6), or the exception a stream callback or event handler threw.
    /// </summary>
    public Exception Exception { get; } = exception;
}
