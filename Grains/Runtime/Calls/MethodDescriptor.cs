using System.Globalization;
using System.Reflection;

namespace Topiary.Runtime.Calls;

/// <summary>
/// One callable method: its wire id, how to call it from a proxy and how to invoke it on a target
/// (both in <see cref="Adapter"/>), and the serialisers of its arguments and result, resolved on first use.
/// </summary>
internal sealed class MethodDescriptor
{
    private CallCodecs? _codecs;

    public MethodDescriptor(MethodInfo method)
    {
        Method = method;
        var parameters = method.GetParameters();
        ParameterTypes = [.. parameters.Select(p => p.ParameterType)];
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
        // Declaring interface + name + parameter types: unique even with overloads and inherited interfaces.
        Id = string.Create(CultureInfo.InvariantCulture,
            $"{method.DeclaringType.Name}.{method.Name}({string.Join(",", ParameterTypes.Select(t => t.Name))})");
        Adapter = MethodAdapter.Create(method);
    }

    public MethodInfo Method { get; }

    /// <summary>The wire id, for example <c>ICounterGrain.Add(Int32)</c>.</summary>
    public string Id { get; }

    /// <summary>For logs and messages: <c>ICounterGrain.Add</c>.</summary>
    public string DisplayName { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    public MethodAdapter Adapter { get; }

    /// <summary>
    /// The serialisers for this method, or a <see cref="Errors.TopiaryException"/> naming the first type
    /// that no configured resolver knows. Cached once every type resolved.
    /// </summary>
    public CallCodecs GetCodecs(GrainSerializer serializer)
    {
        if (_codecs is { } codecs)
        {
            return codecs;
        }
        var arguments = new ValueCodec[ParameterTypes.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = serializer.GetCodec(ParameterTypes[i], $"parameter {i + 1} of {DisplayName}");
        }
        var result = Adapter.ResultType is { } resultType
            ? serializer.GetCodec(resultType, $"the result of {DisplayName}")
            : null;
        return _codecs = new CallCodecs(arguments, result);
    }
}

/// <summary>The serialisers of one method's arguments and result (<c>null</c> for no result).</summary>
internal sealed record CallCodecs(ValueCodec[] Arguments, ValueCodec? Result);
