using Microsoft.Data.Sqlite;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage.Sqlite;

namespace Topiary.Tests.Grains.Runtime.Reminders;

[Trait("Category", TestCategories.Unit)]
public sealed class SqliteReminderTableTests : ReminderTableConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _databases;

    public void Dispose() => _directory.Dispose();

    protected override IReminderTable CreateTable() => new SqliteReminderTable(_directory.File($"reminders-{++_databases}.db"));

    [Fact]
    public async Task Reminders_persist_across_reopening_the_file()
    {
        var path = _directory.File("reopen.db");
        var entry = new ReminderEntry("g", "k", "r", DateTimeOffset.UnixEpoch.AddDays(1), TimeSpan.FromMinutes(1), null, string.Empty);
        var eTag = await new SqliteReminderTable(path).UpsertAsync(entry, default);
        SqliteConnection.ClearAllPools();

        Assert.Equal(entry with { ETag = eTag }, await new SqliteReminderTable(path).ReadAsync("g", "k", "r", default));
    }
}
