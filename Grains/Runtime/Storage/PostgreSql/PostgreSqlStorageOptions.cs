namespace Topiary.Runtime.Storage.PostgreSql;

/// <summary>Configuration of the PostgreSQL grain storage (<c>Topiary:Storage:Postgres</c> in cluster mode).</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>An Npgsql connection string. The schema goes into the first schema of its search path.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// How long an operation keeps retrying transient failures (connection refused or lost, server shutting
    /// down or starting, serialisation failures) before it fails. Default 5 s (spec/cluster.md CLU-33): a
    /// quick database restart costs only latency.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("PostgreSqlStorageOptions.ConnectionString must be set (Topiary:Storage:Postgres).");
        }
        if (RetryBudget < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"PostgreSqlStorageOptions.RetryBudget must not be negative (was {RetryBudget}).");
        }
    }
}
