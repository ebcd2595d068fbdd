using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Schedule(string name, TimeSpan dueTime, TimeSpan period);

    Task Cancel(string name);
}
