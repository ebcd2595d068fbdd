namespace Topiary.Topics.Removal;

/// <summary>
/// A parsed <c>REMOVAL</c> property (spec/updating.md UPD-80): when <see cref="Condition"/> holds,
/// remove the topics selected by <see cref="RemoveSelector"/>, or the policy's own topic when
/// it is null. Produced by <see cref="RemovalExpression.Parse"/>; Topiary validates the syntax
/// today and evaluates policies in a later release.
/// </summary>
/// <param name="Condition">The whole condition; <c>and</c> binds tighter than <c>or</c>.</param>
/// <param name="RemoveSelector">
/// The text of the <c>remove</c> clause's selector with quotes and <c>\</c> escapes removed; not
/// yet checked against the selector grammar (spec/selectors.md).
/// </param>
public sealed record RemovalPolicy(RemovalCondition Condition, string? RemoveSelector);
