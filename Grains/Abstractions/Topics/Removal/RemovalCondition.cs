namespace Topiary.Topics.Removal;

/// <summary>
/// A node of a removal policy's condition tree (UPD-80, UPD-81). Records compare by value, so
/// two policies that parse to the same tree are equal however they were written.
/// </summary>
public abstract record RemovalCondition;
