using System.Globalization;

namespace Topiary.Runtime.Storage;

/// <summary>
/// A fenced write or clear carried a fencing token below the grain's fence: another silo has owned the grain
/// since this one's lease was granted. Nothing was changed; the writer must stop acting for the grain
/// (deactivate) rather than reconcile, because it is no longer the owner.
/// </summary>
public sealed class StaleFencingTokenException : Exception
{
    public StaleFencingTokenException()
        : this("The grain has a newer owner; the write was rejected.")
    {
    }

    public StaleFencingTokenException(string message)
        : this(message, null)
    {
    }

    public StaleFencingTokenException(string message, Exception? innerException)
        : base(message, innerException)
    {
        GrainType = string.Empty;
        Key = string.Empty;
    }

    public StaleFencingTokenException(string grainType, string key, long fencingToken, long fence)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Grain '{grainType}/{key}' has a newer owner: fencing token {fencingToken} is below the stored fence {fence}; nothing was written."))
    {
        GrainType = grainType;
        Key = key;
        FencingToken = fencingToken;
        Fence = fence;
    }

    /// <summary>The grain type of the record.</summary>
    public string GrainType { get; }

    /// <summary>The key of the record.</summary>
    public string Key { get; }

    /// <summary>The token the writer held.</summary>
    public long FencingToken { get; }

    /// <summary>The highest token the store had seen for the grain.</summary>
    public long Fence { get; }
}
