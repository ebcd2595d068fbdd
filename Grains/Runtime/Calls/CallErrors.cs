using System.Globalization;
using Topiary.Errors;

namespace Topiary.Runtime.Calls;

/// <summary>The errors the runtime itself raises for calls; each says what was wrong and what to do.</summary>
internal static class CallErrors
{
    public static TopiaryException UnregisteredType(Type type, string usage) => NotApplied(ErrorCode.InternalError,
        $"type {Describe(type)} ({usage}) is not registered for serialisation; add [JsonSerializable(typeof({Describe(type)}))] " +
        "to a JsonSerializerContext listed in GrainRuntimeOptions.SerializerResolvers");

    public static TopiaryException NotAReference(Type declaredType, Type actualType) => NotApplied(ErrorCode.InternalError,
        $"a {Describe(actualType)} was passed where a reference to {Describe(declaredType)} is expected; pass a reference from " +
        "IGrainFactory.GetGrain or IGrainFactory.CreateObjectReference, not the object itself");

    public static TopiaryException SerialisationFailed(string what, Exception inner) => TopiaryException.Create(
        ErrorEnvelope.For(ErrorCode.InternalError, $"could not serialise {what}: {inner.Message}") with { Outcome = ErrorEnvelope.NotApplied });

    public static TopiaryException NotStarted() =>
        TopiaryException.Create(ErrorCode.ServerInitialising, "the grain runtime has not started yet; retry shortly");

    public static TopiaryException Stopped() =>
        TopiaryException.Create(ErrorCode.ClusterUnavailable, "the grain runtime is stopping or stopped");

    public static TopiaryException Unreachable() =>
        TopiaryException.Create(ErrorCode.ClusterUnavailable, "the process hosting the grain is not reachable");

    public static TopiaryException ObserverNotFound() => TopiaryException.Create(ErrorCode.NotFound,
        "the observer no longer exists (its reference was deleted or its process stopped)");

    public static TopiaryException Timeout(TimeSpan timeout) => TopiaryException.Create(ErrorCode.Timeout,
        string.Create(CultureInfo.InvariantCulture,
            $"no response within {timeout.TotalSeconds:0.###} s; the call may or may not have been applied"));

    /// <summary>The envelope of an unexpected failure: a correlation id and nothing else about the cause.</summary>
    public static ErrorEnvelope Internal(string correlationId) => ErrorEnvelope.For(ErrorCode.InternalError,
        $"the server could not complete the request (correlation id {correlationId})", correlationId: correlationId);

    /// <summary><c>List&lt;Foo&gt;</c> rather than <c>System.Collections.Generic.List`1[[…]]</c>.</summary>
    public static string Describe(Type type)
    {
        if (type.IsArray)
        {
            return Describe(type.GetElementType()!) + "[]";
        }
        if (!type.IsGenericType)
        {
            return type.Name;
        }
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }

    // The call never left the caller, so it certainly had no effect.
    private static TopiaryException NotApplied(ErrorCode code, string message) =>
        TopiaryException.Create(ErrorEnvelope.For(code, message) with { Outcome = ErrorEnvelope.NotApplied });
}
