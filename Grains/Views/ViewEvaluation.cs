namespace Topiary.Views;

/// <summary>What one source topic yields under one view (VIEW-49 steps 1–7).</summary>
/// <param name="Topics">The reference topics in template order, each path once (first wins).</param>
/// <param name="Skipped">Candidates dropped, with why.</param>
public sealed record ViewEvaluation(IReadOnlyList<DerivedTopic> Topics, IReadOnlyList<SkippedMapping> Skipped)
{
    /// <summary>The source is not processed by the view (wrong type, VIEW-35, VIEW-47): nothing, and nothing counted.</summary>
    public static ViewEvaluation Ignored { get; } = new([], []);
}
