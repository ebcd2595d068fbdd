namespace Topiary.Runtime.Activation;

/// <summary>The identity of a grain: its stored grain type name (class identity) and key.</summary>
internal readonly record struct GrainId(string GrainType, string Key)
{
    public override string ToString() => $"{GrainType}/{Key}";
}
