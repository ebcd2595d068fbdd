using System.Text.Json;
using System.Text.Json.Serialization;
using Topiary.Gateway.Protocol;
using Topiary.Topics;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// Writes a <see cref="HubValueUpdate"/> as
/// <c>{ "path", "type", "value", "epoch", "sequence", "initial" }</c>, the value straight from
/// its wire bytes (no intermediate string or object). Server → client only.
/// </summary>
internal sealed class HubValueUpdateConverter : JsonConverter<HubValueUpdate>
{
    public override HubValueUpdate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("value updates are sent by the gateway, never received");

    public override void Write(Utf8JsonWriter writer, HubValueUpdate value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("path", value.Path);
        writer.WriteString("type", value.Type.WireName());
        writer.WritePropertyName("value");
        if ((value.Flags & ValueFrame.FlagNoValue) != 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            ValueJson.Write(writer, value.Type, value.Value.Span);
        }
        writer.WriteString("epoch", Messages.FormatEpoch(value.Epoch));
        writer.WriteNumber("sequence", value.Sequence);
        writer.WriteBoolean("initial", (value.Flags & ValueFrame.FlagInitial) != 0);
        writer.WriteEndObject();
    }
}
