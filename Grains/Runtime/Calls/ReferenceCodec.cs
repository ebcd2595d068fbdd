using System.Text.Json;
using Topiary.Runtime.Activation;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Calls;

/// <summary>
/// Encodes grain and observer references as identities instead of serialising objects:
/// a grain as <c>{"g":"Ns.IFooGrain","k":"key"}</c>, an observer as
/// <c>{"g":"Ns.IFooObserver","p":"process address","o":"observer id"}</c>. Decoding yields a new
/// reference proxy. A grain may pass <c>this</c>; a raw observer object (not registered with
/// <see cref="IGrainFactory.CreateObjectReference{TObserver}"/>) is rejected.
/// </summary>
internal sealed class ReferenceCodec(GrainRuntime runtime)
{
    public void Write(Utf8JsonWriter writer, Type declaredType, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case GrainReference { Target.IsObserver: false } grain:
                WriteGrain(writer, grain.Target.Interface.Name, grain.Target.Key);
                return;
            case GrainReference observer:
                writer.WriteStartObject();
                writer.WriteString("g"u8, observer.Target.Interface.Name);
                writer.WriteString("p"u8, observer.Target.ObserverAddress);
                writer.WriteString("o"u8, observer.Target.Key);
                writer.WriteEndObject();
                return;
            case Grain { Context: GrainActivation activation } when activation.Runtime == runtime:
                var grainInterface = declaredType != typeof(IGrainWithStringKey) && declaredType.IsInstanceOfType(value)
                    ? declaredType
                    : activation.ClassInfo.Interfaces[0];
                WriteGrain(writer, grainInterface.FullName!, activation.Key);
                return;
            default:
                throw CallErrors.NotAReference(declaredType, value.GetType());
        }
    }

    public object? Read(ref Utf8JsonReader reader, Type declaredType)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A reference to {declaredType.Name} must be an object.");
        }
        string? interfaceName = null, key = null, address = null, observerId = null;
        while (MessageCodec.ReadNextPropertyName(ref reader) is { } name)
        {
            reader.Read();
            var text = reader.GetString();
            switch (name)
            {
                case "g": interfaceName = text; break;
                case "k": key = text; break;
                case "p": address = text; break;
                case "o": observerId = text; break;
                default: throw new JsonException($"Unknown reference property '{name}'.");
            }
        }
        object reference;
        if (key is not null)
        {
            var grainInterface = interfaceName is not null && runtime.Registry.TryGetInterface(interfaceName, out var named)
                ? named.Type
                : declaredType;
            reference = runtime.Factory.GetGrain(grainInterface, key);
        }
        else if (address is not null && observerId is not null)
        {
            var descriptor = declaredType != typeof(IGrainObserver)
                ? runtime.GetInterface(declaredType)
                : runtime.FindObserverInterface(interfaceName)
                    ?? throw new JsonException($"Observer interface '{interfaceName}' is not known in this process; declare the parameter with the observer interface.");
            reference = GrainReference.ForObserver(runtime.Dispatcher, descriptor, address, observerId);
        }
        else
        {
            throw new JsonException("A reference needs a key (grain) or an address and id (observer).");
        }
        return declaredType.IsInstanceOfType(reference)
            ? reference
            : throw new JsonException($"The reference does not implement {declaredType.Name}.");
    }

    private static void WriteGrain(Utf8JsonWriter writer, string interfaceName, string key)
    {
        writer.WriteStartObject();
        writer.WriteString("g"u8, interfaceName);
        writer.WriteString("k"u8, key);
        writer.WriteEndObject();
    }
}
