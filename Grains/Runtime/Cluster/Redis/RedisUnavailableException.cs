namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// Redis could not be reached, or did not answer in time. For a write, whether it was applied is unknown:
/// callers either repeat it when it is idempotent or re-read before acting.
/// </summary>
public sealed class RedisUnavailableException : Exception
{
    public RedisUnavailableException()
        : this("Redis is not reachable.")
    {
    }

    public RedisUnavailableException(string message)
        : base(message)
    {
    }

    public RedisUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
