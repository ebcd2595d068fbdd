using Topiary.Security;
using Topiary.Serialization;
using Topiary.Tests.Grains.Runtime;
using Topiary.Topics;

namespace Topiary.Tests.Grains.Topics;

/// <summary>A <see cref="TestSilo"/> hosting the product's topic and security grains instead of the runtime's test grains.</summary>
internal static class TopicSilo
{
    public static Task<TestSilo> StartAsync(string? sqlitePath = null) =>
        TestSilo.StartAsync(sqlitePath, configure: options =>
        {
            options.GrainClasses.Clear();
            options.GrainClasses.AddRange([typeof(TopicGrain), typeof(TopicCatalogGrain), typeof(SystemAuthenticationGrain)]);
            options.SerializerResolvers.Clear();
            options.SerializerResolvers.Add(GrainsJsonContext.Default);
        });

    public static TopicSpecificationData Spec(TopicType type, params (string Key, string Value)[] properties) =>
        TopicSpecificationData.From(TopicSpecification.Create(type, properties.ToDictionary(p => p.Key, p => p.Value)));

    public static TopicValueData Int64(long value) => new("INT64", TopicValues.Encode(value).Span.ToArray());
}
