using Topiary.Runtime.Reminders;

namespace Topiary.Tests.Grains.Runtime.Reminders;

[Trait("Category", TestCategories.Unit)]
public sealed class MemoryReminderTableTests : ReminderTableConformanceTests
{
    protected override IReminderTable CreateTable() => new MemoryReminderTable();
}
