using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The runtime's System.Text.Json configuration: only the configured source-generated resolvers (plus
/// <see cref="RuntimeJsonContext"/>), never reflection, and a converter that encodes grain and observer
/// references wherever they appear. Used for call arguments, results and grain state.
/// </summary>
internal sealed class GrainSerializer
{
    private readonly ReferenceCodec _references;

    public GrainSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers, ReferenceCodec references)
    {
        _references = references;
        // Setting TypeInfoResolver explicitly is what rules out the reflection fallback.
        Options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, RuntimeJsonContext.Default]),
        };
        Options.Converters.Add(new ReferenceJsonConverterFactory(references));
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>Whether values of <paramref name="type"/> are grain or observer references.</summary>
    public static bool IsReference(Type type) =>
        type.IsInterface && (typeof(IGrainWithStringKey).IsAssignableFrom(type) || typeof(IGrainObserver).IsAssignableFrom(type));

    /// <summary>The codec of <paramref name="type"/>; <paramref name="usage"/> says where it is used, for the error.</summary>
    public ValueCodec GetCodec(Type type, string usage) =>
        IsReference(type) ? new ReferenceValueCodec(_references, type) : new JsonValueCodec(GetTypeInfo(type, usage));

    /// <summary>The metadata of <paramref name="type"/>, or a clear error naming the type and the fix.</summary>
    public JsonTypeInfo GetTypeInfo(Type type, string usage)
    {
        try
        {
            if (Options.TryGetTypeInfo(type, out var typeInfo))
            {
                return typeInfo;
            }
        }
        catch (NotSupportedException)
        {
            // A resolver that knows the type but cannot serialise it: same fix, same message.
        }
        throw CallErrors.UnregisteredType(type, usage);
    }
}
