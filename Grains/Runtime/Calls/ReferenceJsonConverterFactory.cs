using System.Text.Json;
using System.Text.Json.Serialization;

namespace Topiary.Runtime.Calls;

/// <summary>
/// Lets grain and observer references appear inside serialised records (for example a property of
/// type <c>ITopicGrain</c>): source-generated metadata defers to converters registered in the options.
/// </summary>
internal sealed class ReferenceJsonConverterFactory(ReferenceCodec references) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => GrainSerializer.IsReference(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ReferenceJsonConverter<>).MakeGenericType(typeToConvert), references)!;

    private sealed class ReferenceJsonConverter<T>(ReferenceCodec references) : JsonConverter<T>
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (T?)references.Read(ref reader, typeof(T));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            references.Write(writer, typeof(T), value);
    }
}
