namespace Topiary.Topics;

/// <summary>
/// The type of a topic (spec/topics.md TOP-10). A topic's type never changes; every value
/// set on it must be of this type (TOP-15). The wire name is upper case
/// (<see cref="TopicTypes.WireName"/>).
/// </summary>
// CA1720: the members are named after the wire types STRING, INT64 and DOUBLE of TOP-10,
// which are the words users know; the public API is fixed on these names.
#pragma warning disable CA1720
public enum TopicType
{
    /// <summary>One JSON value, stored as UTF-8 JSON text exactly as received.</summary>
    Json,

    /// <summary>A Unicode string, stored as UTF-8; may be cleared back to "no value".</summary>
    String,

    /// <summary>A signed 64-bit integer, stored as 8 bytes little-endian; may be cleared.</summary>
    Int64,

    /// <summary>An IEEE 754 binary64 number, stored as 8 bytes little-endian; may be cleared.</summary>
    Double,

    /// <summary>A byte sequence (possibly empty), stored as is.</summary>
    Binary,

    /// <summary>An append-only event log. Recognised, but not supported yet: adding one fails with UNSUPPORTED.</summary>
    TimeSeries,
}
#pragma warning restore CA1720
