using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

public interface IChatObserver : IGrainObserver
{
    Task Receive(string message);
}
