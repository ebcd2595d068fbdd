using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Topiary.Runtime.Calls;

/// <summary>Writes and reads one argument or result inside a message envelope.</summary>
internal abstract class ValueCodec
{
    public abstract void Write(Utf8JsonWriter writer, object? value);

    /// <summary>Reads the value at the reader's current token (which the reader is positioned on).</summary>
    public abstract object? Read(ref Utf8JsonReader reader);
}

/// <summary>A value serialised by a configured source-generated resolver.</summary>
internal sealed class JsonValueCodec(JsonTypeInfo typeInfo) : ValueCodec
{
    public override void Write(Utf8JsonWriter writer, object? value) => JsonSerializer.Serialize(writer, value, typeInfo);

    public override object? Read(ref Utf8JsonReader reader) => JsonSerializer.Deserialize(ref reader, typeInfo);
}

/// <summary>A grain or observer reference, encoded by the runtime itself.</summary>
internal sealed class ReferenceValueCodec(ReferenceCodec references, Type declaredType) : ValueCodec
{
    public override void Write(Utf8JsonWriter writer, object? value) => references.Write(writer, declaredType, value);

    public override object? Read(ref Utf8JsonReader reader) => references.Read(ref reader, declaredType);
}
