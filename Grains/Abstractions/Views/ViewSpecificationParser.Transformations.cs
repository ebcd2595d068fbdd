using System.Text.Json;
using System.Text.Json.Nodes;

namespace Topiary.Views;

// patch (VIEW-39) and insert (VIEW-40).
internal sealed partial class ViewSpecificationParser
{
    private static readonly string[] PatchOps = ["add", "remove", "replace", "move", "copy", "test"];

    private PatchTransformation ParsePatch()
    {
        RequireWhitespace("a JSON Patch string");
        var start = _pos;
        var text = Text(ReadString("a JSON Patch string"));
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw PatchError(start, $"the patch is not valid JSON ({e.Message})");
        }
        if (document is not JsonArray array)
        {
            throw PatchError(start, "the patch must be a JSON array of operations");
        }
        var operations = new List<PatchOperation>();
        for (var n = 0; n < array.Count; n++)
        {
            operations.Add(PatchOperationAt(array[n], n, start));
        }
        return new PatchTransformation(text, operations);
    }

    private PatchOperation PatchOperationAt(JsonNode? node, int n, int start)
    {
        if (node is not JsonObject operation)
        {
            throw PatchError(start, $"operation {n} is not a JSON object");
        }
        var op = StringMember(operation, "op", n, start);
        if (Array.IndexOf(PatchOps, op) < 0)
        {
            throw PatchError(start, $"operation {n} has unknown op '{op}'; allowed are {string.Join(", ", PatchOps)}");
        }
        var path = PatchPointer(StringMember(operation, "path", n, start), n, start);
        JsonPointer? from = null;
        if (op is "move" or "copy")
        {
            from = PatchPointer(StringMember(operation, "from", n, start), n, start);
        }
        JsonElement? value = null;
        if (op is "add" or "replace" or "test")
        {
            if (!operation.TryGetPropertyValue("value", out var written))
            {
                throw PatchError(start, $"operation {n} ('{op}') has no \"value\"");
            }
            using var document = JsonDocument.Parse(written?.ToJsonString() ?? "null");
            value = document.RootElement.Clone();
        }
        return new PatchOperation(op, path, from, value);
    }

    private string StringMember(JsonObject operation, string name, int n, int start) =>
        operation.TryGetPropertyValue(name, out var member) && member is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw PatchError(start, $"operation {n} has no string \"{name}\"");

    private JsonPointer PatchPointer(string text, int n, int start) =>
        JsonPointer.TryParse(text, out var pointer, out _, out var problem)
            ? pointer
            : throw PatchError(start, $"operation {n} has the invalid pointer '{text}': {problem}");

    private Errors.TopiaryException PatchError(int start, string problem) =>
        Error(ViewErrorReason.InvalidPatch, start, "a JSON array of RFC 6902 operations (add, remove, replace, move, copy, test)", problem);

    private InsertTransformation ParseInsert()
    {
        RequireWhitespace("the insertion topic's path template");
        var template = ParseTemplate(ReadClause(ClauseMode.Template, "a path template"), allowExpand: false);
        RequireWhitespace("'key' or 'at'");
        JsonPointer? key = null;
        if (PeekWord() == "key")
        {
            _pos += 3;
            RequireWhitespace("a JSON pointer after 'key'");
            key = PointerClause("a JSON pointer after 'key'");
            RequireWhitespace("'at'");
        }
        ExpectKeyword("at");
        RequireWhitespace("a JSON pointer after 'at'");
        var at = PointerClause("a JSON pointer after 'at'");
        string? fallback = null;
        if (NextWordIs("default"))
        {
            SkipWhitespace();
            _pos += "default".Length;
            RequireWhitespace("the default string");
            fallback = Text(ReadString("the default string"));
        }
        return new InsertTransformation(template, key, at, fallback);
    }

    private JsonPointer PointerClause(string what)
    {
        var offset = _pos;
        return ParsePointer(ReadClause(ClauseMode.Plain, what), offset, allowEmpty: false);
    }
}
