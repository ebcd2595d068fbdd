using BenchmarkDotNet.Attributes;
using Topiary.Selectors;

namespace Topiary.Benchmarks.Micro;

/// <summary>
/// Whether a selector selects a path (spec/selectors.md), per kind: what a gateway evaluates
/// for every topic added while sessions hold selectors, and for every topic a new selector
/// is checked against. Parsing is cached (<see cref="SelectorCache"/>), so it is measured apart.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class SelectorBenchmarks
{
    private const string MatchingPath = "prices/fx/EURUSD/bid";
    private const string OtherPath = "prices/equities/ACME/ask";

    private readonly string _newExpression = "?prices/fx/[A-Z]{6}/bid";
    private TopicSelector _path = null!;
    private TopicSelector _descendants = null!;
    private TopicSelector _splitPattern = null!;
    private TopicSelector _fullPattern = null!;
    private TopicSelector _set = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = TopicSelector.Parse(">prices/fx/EURUSD/bid");
        _descendants = TopicSelector.Parse("?prices/fx//");
        _splitPattern = TopicSelector.Parse("?prices/fx/[A-Z]{6}/bid");
        _fullPattern = TopicSelector.Parse("*prices/.*/bid");
        _set = TopicSelector.Parse("#>prices/fx/GBPUSD/bid////?prices/fx/EUR.*/bid////*other/.*");
    }

    [Benchmark(Baseline = true)]
    public bool PathSelector() => _path.Selects(MatchingPath) & _path.Selects(OtherPath);

    [Benchmark]
    public bool DescendantsSelector() => _descendants.Selects(MatchingPath) & _descendants.Selects(OtherPath);

    [Benchmark]
    public bool SplitPathPattern() => _splitPattern.Selects(MatchingPath) & _splitPattern.Selects(OtherPath);

    [Benchmark]
    public bool FullPathPattern() => _fullPattern.Selects(MatchingPath) & _fullPattern.Selects(OtherPath);

    [Benchmark]
    public bool SelectorSet() => _set.Selects(MatchingPath) & _set.Selects(OtherPath);

    /// <summary>Parsing a selector never seen before (a fresh, one-entry cache each time, which it includes).</summary>
    [Benchmark]
    public TopicSelector ParseSplitPathPattern() => new SelectorCache(capacity: 1).GetOrParse(_newExpression);
}
