namespace Topiary.Benchmarks;

/// <summary>A command line the tool cannot run: the message says what was wrong and what is allowed.</summary>
public sealed class UsageException(string message) : Exception(message);
