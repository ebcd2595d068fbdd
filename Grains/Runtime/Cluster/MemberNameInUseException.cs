namespace Topiary.Runtime.Cluster;

/// <summary>A process tried to join under a name that a live member holds (spec/cluster.md CLU-1).</summary>
public sealed class MemberNameInUseException : Exception
{
    public MemberNameInUseException()
        : this("The member name is held by a live member.")
    {
    }

    public MemberNameInUseException(string message)
        : base(message)
    {
    }

    public MemberNameInUseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The name that is taken.</summary>
    public string MemberName { get; init; } = string.Empty;

    /// <summary>Creates the error for <paramref name="name"/>, naming the holder's endpoint when known.</summary>
    public static MemberNameInUseException For(string name, string? holderEndpoint) =>
        new($"The member name '{name}' is held by a live member{(holderEndpoint is null ? "" : $" at {holderEndpoint}")}; " +
            "set a unique Topiary:Cluster:MemberName, or wait until the old process has left or expired.")
        { MemberName = name };
}
