using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task StopTimer();

    Task<int> Ticks();

    /// <summary>Stays busy until the probe's gate opens, recording start and end.</summary>
    Task Hold();

    Task Deactivate();
}
