namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>A record carrying a grain reference as a property: references nest inside serialised values.</summary>
public sealed record CounterEnvelope(string Note, ICounterGrain Counter, int Amount);
