using System.Text.Json;

namespace Topiary.Views;

/// <summary>One RFC 6902 operation of a <see cref="PatchTransformation"/>.</summary>
/// <param name="Op"><c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> or <c>test</c>.</param>
/// <param name="Path">The target.</param>
/// <param name="From">The source of <c>move</c> and <c>copy</c>.</param>
/// <param name="Value">
/// The value of <c>add</c>, <c>replace</c> and <c>test</c> (possibly JSON null); null for the others. A
/// <see cref="JsonElement"/> because it is immutable, so one parsed view is safe to share between threads.
/// </param>
public sealed record PatchOperation(string Op, JsonPointer Path, JsonPointer? From, JsonElement? Value);
