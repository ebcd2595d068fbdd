namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>Deliberately absent from <see cref="TestGrainsJsonContext"/>.</summary>
public sealed record UnregisteredPayload(string Text);
