using Topiary.Runtime.Storage;

namespace Topiary.Tests.Grains.Runtime.Storage;

[Trait("Category", TestCategories.Unit)]
public sealed class MemoryGrainStateStoreTests : GrainStateStoreConformanceTests
{
    protected override IGrainStateStore CreateStore() => new MemoryGrainStateStore();
}
