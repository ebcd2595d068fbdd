namespace Topiary.Views;

/// <summary>The body of a <c>process</c> block: an <see cref="OperationList"/> or a <see cref="ConditionalStatement"/>.</summary>
public abstract record ProcessStatement;
