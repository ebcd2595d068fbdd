using System.Text.Json.Serialization;
using Topiary.Security;
using Topiary.Topics;

namespace Topiary.Serialization;

/// <summary>
/// Source-generated serialisation of every grain call argument, result and state record of
/// this assembly. A type missing here fails its grain call with an error naming it, so a
/// grain author registers each new record once, here.
/// </summary>
// No naming policy: the runtime serialises state with its own options over this resolver, and
// the catalog reads topic records with this context directly; both must name properties alike.
[JsonSerializable(typeof(TopicSpecificationData))]
[JsonSerializable(typeof(TopicValueData))]
[JsonSerializable(typeof(TopicUpdateResult))]
[JsonSerializable(typeof(AddTopicResult))]
[JsonSerializable(typeof(TopicSnapshot))]
[JsonSerializable(typeof(TopicState))]
[JsonSerializable(typeof(TreeEvent))]
[JsonSerializable(typeof(CatalogSnapshot))]
[JsonSerializable(typeof(CatalogPage))]
[JsonSerializable(typeof(AuthenticationState))]
[JsonSerializable(typeof(AuthenticationResult))]
[JsonSerializable(typeof(AuthenticationDefaults))]
[JsonSerializable(typeof(AuthenticationSnapshot))]
[JsonSerializable(typeof(SecurityState))]
[JsonSerializable(typeof(SecurityChange))]
[JsonSerializable(typeof(ScriptAuthor))]
[JsonSerializable(typeof(List<AuditEntry>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
public sealed partial class GrainsJsonContext : JsonSerializerContext;
