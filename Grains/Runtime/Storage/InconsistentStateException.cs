namespace Topiary.Runtime.Storage;

/// <summary>
/// A conditional write or clear found a different ETag than expected: the record was changed (or
/// created, or deleted) by someone else since it was read. Nothing was changed.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
        : this("The stored grain state changed since it was read.")
    {
    }

    public InconsistentStateException(string message)
        : this(message, null)
    {
    }

    public InconsistentStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
        GrainType = string.Empty;
        Key = string.Empty;
    }

    public InconsistentStateException(string grainType, string key, string? expectedETag, string? actualETag)
        : base($"The stored state of grain '{grainType}/{key}' changed since it was read: expected ETag " +
               $"'{expectedETag ?? "(none)"}', stored ETag '{actualETag ?? "(none)"}'.")
    {
        GrainType = grainType;
        Key = key;
        ExpectedETag = expectedETag;
        ActualETag = actualETag;
    }

    /// <summary>The grain type of the record.</summary>
    public string GrainType { get; }

    /// <summary>The key of the record.</summary>
    public string Key { get; }

    /// <summary>The ETag the caller held; <c>null</c> if it expected no record.</summary>
    public string? ExpectedETag { get; }

    /// <summary>The stored ETag when the conflict was detected; <c>null</c> if no record existed.</summary>
    public string? ActualETag { get; }
}
