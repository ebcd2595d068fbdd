using System.Data.Common;
using Topiary.Runtime.Reminders;

namespace Topiary.Runtime.Storage;

/// <summary>
/// The reminder row layout shared by the SQL dialects: the column list and how a row becomes a
/// <see cref="ReminderEntry"/> (times as unix milliseconds, UTC).
/// </summary>
internal static class ReminderRows
{
    /// <summary>The columns, in the order <see cref="ReadAllAsync"/> expects them.</summary>
    public const string Columns = "grain_type, grain_key, reminder_name, first_tick_ms, period_ms, last_tick_ms, etag";

    /// <summary>Reads every row of <paramref name="reader"/> (selected with <see cref="Columns"/>).</summary>
    public static async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ReminderEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.GetString(6)));
        }
        return rows;
    }
}
