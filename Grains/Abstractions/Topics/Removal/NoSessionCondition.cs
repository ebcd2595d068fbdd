namespace Topiary.Topics.Removal;

/// <summary>
/// <c>no [local] session has 'Filter' [for For] [after After]</c>: no session matches the
/// session filter <see cref="Filter"/> (spec/sessions.md SES-30), continuously for
/// <see cref="For"/> when given. <see cref="Filter"/> is the text inside the quotes with
/// <c>\</c> escapes removed; it is not yet checked against the session filter grammar.
/// </summary>
public sealed record NoSessionCondition(bool Local, string Filter, TimeSpan? For, TimeSpan? After) : RemovalCondition;
