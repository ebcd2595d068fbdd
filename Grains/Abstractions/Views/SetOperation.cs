using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary><c>set(pointer, value)</c>: a constant (integer, string, boolean) or a calculation.</summary>
/// <param name="Target">Non-empty; its last token may be <c>-</c> (append).</param>
/// <param name="Constant">The constant value when <paramref name="Calculation"/> is null; never mutated.</param>
/// <param name="Calculation">The calculation, when the value is <c>calc "…"</c>.</param>
public sealed record SetOperation(JsonPointer Target, JsonValue? Constant, Calculation? Calculation) : ProcessOperation
{
    public override string ToString() => $"set({Target.Text}, {ValueText()})";

    private string ValueText() =>
        Calculation is not null ? "calc " + DirectiveText.Quote(Calculation.Text)
        : Constant!.TryGetValue<string>(out var text) ? DirectiveText.Quote(text)
        : Constant.ToJsonString();
}
