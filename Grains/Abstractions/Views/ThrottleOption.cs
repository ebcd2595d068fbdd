namespace Topiary.Views;

/// <summary><c>throttle to N updates every P</c> (VIEW-43).</summary>
/// <param name="Count">1 – 1,000,000.</param>
/// <param name="Period">1 second – 24 hours, whole seconds.</param>
public sealed record ThrottleOption(int Count, TimeSpan Period)
{
    public override string ToString() =>
        $"throttle to {Count} {(Count == 1 ? "update" : "updates")} every {DurationText.Format(Period)}";
}
