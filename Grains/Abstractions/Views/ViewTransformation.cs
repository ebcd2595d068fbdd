namespace Topiary.Views;

/// <summary>A transformation clause (VIEW-36..VIEW-40), applied in order to each candidate's current value.</summary>
public abstract record ViewTransformation;
