namespace Topiary.Runtime.Storage;

/// <summary>A stored grain state: the serialised bytes and the ETag identifying this version.</summary>
/// <param name="Data">The state serialised with System.Text.Json (UTF-8).</param>
/// <param name="ETag">An opaque token that changes on every write; never reused for the same key.</param>
// CA1819: the array is the stored value handed over once; callers do not share or mutate it.
#pragma warning disable CA1819
public sealed record GrainStateRecord(byte[] Data, string ETag);
