namespace Topiary.Views;

/// <summary>A mapping that produced no reference topic, counted in the view status (VIEW-96).</summary>
/// <param name="Reason">A <see cref="SkipReason"/> value.</param>
/// <param name="SourcePath">The source topic.</param>
/// <param name="AttemptedPath">The reference path, when one was generated.</param>
public sealed record SkippedMapping(string Reason, string SourcePath, string? AttemptedPath);
