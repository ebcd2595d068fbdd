using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;
using Topiary.Errors;

namespace Topiary.Runtime.Storage.PostgreSql;

/// <summary>Which PostgreSQL failures are worth retrying, and the error reported once retrying stops.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>
    /// Connection-level failures, a server shutting down or starting (57P01–57P03), resource exhaustion (53xxx)
    /// and serialisation failures or deadlocks (40001, 40P01): the same statement may succeed a moment later.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        _ => false,
    };

    /// <summary>
    /// The error after the retry budget ran out. A read, or a write whose statement never reached the server,
    /// had no effect (<c>CLUSTER_UNAVAILABLE</c> / <c>RETRYABLE</c>); a write lost in flight may have committed
    /// (<c>OUTCOME_UNKNOWN</c>), which repeating the same write later resolves (its new ETag is then stored).
    /// </summary>
    public static TopiaryException Unavailable(string what, bool isWrite, bool sent, TimeSpan budget, Exception last)
    {
        var cause = last is PostgresException postgres ? $"SQLSTATE {postgres.SqlState}" : last.GetType().Name;
        var seconds = budget.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        if (!isWrite)
        {
            return TopiaryException.Create(ErrorCode.ClusterUnavailable,
                $"the database did not answer {what} within {seconds} s ({cause}); retry later", Reason("STORAGE"));
        }
        return sent
            ? TopiaryException.Create(ErrorCode.OutcomeUnknown,
                $"the connection to the database was lost during {what} and not restored within {seconds} s ({cause}); " +
                "the write may or may not have committed", Reason("STORAGE"))
            : TopiaryException.Create(ErrorCode.Retryable,
                $"the database could not be reached for {what} within {seconds} s ({cause}); nothing was written", Reason("NOT_COMMITTED"));
    }

    private static JsonObject Reason(string reason) => new() { ["reason"] = reason };
}
