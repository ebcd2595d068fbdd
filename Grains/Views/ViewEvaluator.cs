using System.Text.Json.Nodes;
using Topiary.Topics;

namespace Topiary.Views;

/// <summary>
/// The pure core of a view: what one source topic yields (VIEW-49 steps 1–7, minus the selector
/// match and derivation-depth checks, which need the tree). No I/O except reading insertion
/// topics through <see cref="ITopicLookup"/>; problems skip candidates, never throw (VIEW-96).
/// </summary>
public static class ViewEvaluator
{
    /// <summary>Evaluates <paramref name="source"/> under <paramref name="view"/>.</summary>
    public static ViewEvaluation Evaluate(ViewSpecification view, SourceTopic source, ITopicLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(lookup);
        var sourceType = source.Specification.Type;
        var targetType = view.Options.Type ?? sourceType;
        // Step 1: types the view does not process are ignored, not counted (VIEW-35, VIEW-47).
        if ((view.JsonOnly && sourceType != TopicType.Json) || !ValueConverter.IsSupported(sourceType, targetType))
        {
            return ViewEvaluation.Ignored;
        }
        // Step 2: without a value, JSON-only views produce nothing; others a topic without a value.
        if (!source.Value.HasValue && view.JsonOnly)
        {
            return ViewEvaluation.Ignored;
        }
        var specification = ReferenceSpecifications.For(source.Specification, targetType, view.Options.Properties);
        var root = view.JsonOnly ? JsonText.Parse(source.Value) : null;
        var (candidates, templateSkips) = new TemplateExpander(view.Target, source.Path, view.Options.Separator).Expand(root);
        var skipped = templateSkips.Select(reason => new SkippedMapping(reason, source.Path, null)).ToList();
        var topics = new List<DerivedTopic>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!TryValue(view, source, root, candidate, lookup, out var value, out var failure))
            {
                skipped.Add(new SkippedMapping(failure, source.Path, candidate.Path));
                continue;
            }
            if (value.HasValue && value.Type != targetType && !ValueConverter.TryConvert(value, targetType, out value))
            {
                skipped.Add(new SkippedMapping(SkipReason.ConversionFailed, source.Path, candidate.Path));
                continue;
            }
            if (!value.HasValue)
            {
                value = TopicValue.NoValue(targetType);
            }
            // Step 7: invalid paths are counted; a repeated path keeps its first candidate.
            if (!TopicPath.TryValidateForAdd(candidate.Path, out _))
            {
                skipped.Add(new SkippedMapping(SkipReason.InvalidPath, source.Path, candidate.Path));
            }
            else if (paths.Add(candidate.Path))
            {
                topics.Add(new DerivedTopic(candidate.Path, specification, value));
            }
        }
        return new ViewEvaluation(topics, skipped);
    }

    /// <summary>Steps 4 and 5: transformations then <c>as &lt;value()&gt;</c>.</summary>
    private static bool TryValue(
        ViewSpecification view, SourceTopic source, JsonNode? root, TemplateCandidate candidate, ITopicLookup lookup,
        out TopicValue value, out string failure)
    {
        value = source.Value;
        failure = string.Empty;
        if (!view.JsonOnly)
        {
            return true;
        }
        var current = candidate.Value;
        foreach (var transformation in view.Transformations)
        {
            switch (transformation)
            {
                case ProcessTransformation process when !ProcessRunner.TryApply(process.Statement, current, out current):
                    failure = SkipReason.ProcessFailed;
                    return false;
                case PatchTransformation patch when !JsonPatcher.TryApply(patch.Operations, current, out current):
                    failure = SkipReason.PatchFailed;
                    return false;
                case InsertTransformation insert:
                    current = InsertRunner.Apply(insert, source.Path, current, lookup);
                    break;
            }
        }
        if (view.Options.ValuePointer is { } pointer)
        {
            current = pointer.TryGet(current, out var part) ? part : null;
        }
        // The source's own bytes are kept when the value is the untouched source value.
        value = ReferenceEquals(current, root) && view.Transformations.Count == 0 && view.Options.ValuePointer is null
            ? source.Value
            : JsonText.Encode(current);
        return true;
    }
}
