using System.Text.Json;

namespace Topiary.Gateway.Protocol;

/// <summary>Typed access to a request's <c>args</c>, failing with INVALID_ARGUMENT naming the argument.</summary>
internal static class RequestArguments
{
    public static string RequiredString(this JsonElement args, string name, string expected)
    {
        if (!TryGet(args, name, out var element))
        {
            throw ProtocolErrors.Missing(name, expected);
        }
        return element.ValueKind == JsonValueKind.String ? Text(element, name) : throw ProtocolErrors.WrongType(name, "a string");
    }

    public static string? OptionalString(this JsonElement args, string name)
    {
        if (!TryGet(args, name, out var element))
        {
            return null;
        }
        return element.ValueKind == JsonValueKind.String ? Text(element, name) : throw ProtocolErrors.WrongType(name, "a string");
    }

    public static bool OptionalBool(this JsonElement args, string name)
    {
        if (!TryGet(args, name, out var element))
        {
            return false;
        }
        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ProtocolErrors.WrongType(name, "true or false"),
        };
    }

    public static int? OptionalInt(this JsonElement args, string name, int minimum, int maximum)
    {
        if (!TryGet(args, name, out var element))
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < minimum || value > maximum)
        {
            throw ProtocolErrors.InvalidArgument(name, "OUT_OF_RANGE", $"the argument '{name}' must be an integer from {minimum} to {maximum}");
        }
        return value;
    }

    /// <summary>The <c>properties</c> object of a specification: string → string.</summary>
    public static Dictionary<string, string> OptionalProperties(this JsonElement args, string name)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryGet(args, name, out var element))
        {
            return properties;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ProtocolErrors.WrongType(name, "an object of string values");
        }
        foreach (var property in element.EnumerateObject())
        {
            var key = PropertyName(property, name);
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw ProtocolErrors.WrongType($"{name}.{key}", "a string");
            }
            properties[key] = Text(property.Value, $"{name}.{key}");
        }
        return properties;
    }

    /// <summary>
    /// The text of a string element. The JSON reader accepts invalid UTF-8 and unpaired
    /// surrogate escapes inside strings and fails only on decoding; that is the client's
    /// mistake, so it becomes INVALID_ARGUMENT rather than an internal error.
    /// </summary>
    public static string Text(JsonElement element, string name)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw ProtocolErrors.InvalidUnicode(name);
        }
    }

    private static string PropertyName(JsonProperty property, string name)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw ProtocolErrors.InvalidUnicode(name);
        }
    }

    /// <summary>The raw <c>value</c> member; <c>Undefined</c> when absent (callers decide whether that is allowed).</summary>
    public static bool TryGet(this JsonElement args, string name, out JsonElement element)
    {
        element = default;
        return args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Undefined;
    }
}
