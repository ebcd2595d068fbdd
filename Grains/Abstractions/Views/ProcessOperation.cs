namespace Topiary.Views;

/// <summary>A <c>set</c>, <c>remove</c> or <c>continue</c> operation.</summary>
public abstract record ProcessOperation;
