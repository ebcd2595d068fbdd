namespace Topiary.Tests.Grains.Runtime.TestGrains;

public sealed class CounterState
{
    public int Value { get; set; }
}
