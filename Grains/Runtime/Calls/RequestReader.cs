using System.Text.Json;
using Topiary.Runtime.Activation;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Calls;

/// <summary>Decodes the body of a request envelope (see <see cref="MessageCodec"/>) against this process's grains and observers.</summary>
internal static class RequestReader
{
    /// <summary>
    /// Reads the rest of a request (after <c>from</c>) and resolves its target: a registered observer, or
    /// the grain class serving the interface. Throws for unknown targets and undecodable arguments.
    /// </summary>
    public static (IncomingRequest Request, ObserverEntry? Observer, GrainClassInfo? GrainClass) Read(
        ref Utf8JsonReader reader, GrainRuntime runtime, long callId, string replyTo)
    {
        MessageCodec.ReadProperty(ref reader, "tmo"u8);
        var deadline = runtime.TimeProvider.GetTimestamp() + (reader.GetInt64() * runtime.TimeProvider.TimestampFrequency / 1000);
        MessageCodec.ReadProperty(ref reader, "g"u8);
        var knownInterface = MessageCodec.TryLookup(ref reader, runtime.Registry.InterfacesByName, out var descriptor, out var interfaceName);
        var isObserver = MessageCodec.ReadNextPropertyName(ref reader) == "o";
        reader.Read();
        var key = reader.GetString()!;

        GrainClassInfo? grainClass = null;
        ObserverEntry? observer = null;
        if (isObserver)
        {
            observer = runtime.Observers.TryGet(key) ?? throw CallErrors.ObserverNotFound();
            descriptor = observer.Descriptor;
        }
        else if (!knownInterface || !runtime.Registry.TryGetClass(descriptor.Type, out grainClass))
        {
            throw new InvalidOperationException($"No grain class implements '{interfaceName}' in this process.");
        }

        MessageCodec.ReadProperty(ref reader, "m"u8);
        if (!MessageCodec.TryLookup(ref reader, descriptor.MethodsById, out var method, out var methodId))
        {
            throw new InvalidOperationException($"'{descriptor.Name}' has no method '{methodId}' in this process.");
        }
        var chain = default(CallChain);
        if (MessageCodec.ReadNextPropertyName(ref reader) == "c")
        {
            reader.Read();
            chain = CallChain.Read(ref reader);
            MessageCodec.ReadNextPropertyName(ref reader);
        }
        reader.Read(); // onto the start of the "a" array
        var codecs = method.GetCodecs(runtime.Serializer);
        var arguments = new object?[codecs.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            reader.Read();
            arguments[i] = codecs.Arguments[i].Read(ref reader);
        }

        var target = new CallTarget(descriptor, key, observer is null ? null : runtime.Transport.LocalAddress);
        return (new IncomingRequest(callId, replyTo, deadline, target, method, arguments, chain), observer, grainClass);
    }
}
