using Topiary.Topics;

namespace Topiary.Tests.Grains.Views;

/// <summary>The worked examples of spec/topic-views.md §10 that need one view and no tree, evaluated by the pure core.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ViewEvaluatorExampleTests
{
    private const string Account = """{"account":"1234","balance":{"amount":12.57,"currency":"USD"}}""";

    [Fact]
    public void VIEW_100_example_1_descendants_map_below_b() =>
        Assert.Equal(["b/x = STRING hi", "b/y/z = INT64 5"],
            new TopicTable().String("a", "root").String("a/x", "hi").Int64("a/y/z", 5).Derive("map ?a/ to b/<path(1)>"));

    [Fact]
    public void VIEW_100_example_2_empty_directive_segment_is_omitted() =>
        Assert.Equal(["b = STRING root", "b/x = STRING x"],
            new TopicTable().String("a", "root").String("a/x", "x").Derive("map ?a// to b/<path(1)>"));

    [Fact]
    public void VIEW_100_example_3_and_4_path_directive() =>
        Assert.Equal(["mirror/a = JSON {\"k\":1}", "mirror/a/b = JSON [1]", "x/b/c = STRING v"],
            [.. new TopicTable().Json("a", """{"k":1}""").Json("a/b", "[1]").Derive("map ?a// to mirror/<path(0)>"),
             .. new TopicTable().String("a/b/c/d", "v").Derive("map a/b/c/d to x/<path(1, 2)>")]);

    [Fact]
    public void VIEW_100_example_5_scalars_build_the_path() =>
        Assert.Equal(["currency/USD/account/1234 = JSON " + Account],
            new TopicTable().Json("accounts/1", Account).Derive("map ?accounts/ to currency/<scalar(/balance/currency)>/account/<scalar(/account)>"));

    [Fact]
    public void VIEW_100_example_6_and_28_value_option() =>
        Assert.Equal(["balances/1234 = JSON {\"amount\":12.57,\"currency\":\"USD\"}", "balances/99 = JSON null", "flags/app = JSON true", "flags/old = JSON null"],
            [.. new TopicTable().Json("accounts/1", Account).Json("accounts/2", """{"account":"99"}""")
                .Derive("map ?accounts/ to balances/<scalar(/account)> as <value(/balance)>"),
             .. new TopicTable().Json("cfg/app", """{"flags":{"beta":true}}""").Json("cfg/old", """{"version":1}""")
                .Derive("map ?cfg/ to flags/<path(1)> as <value(/flags/beta)>")]);

    [Fact]
    public void VIEW_100_example_7_scalar_kinds()
    {
        var table = new TopicTable().Json("acct/a", """{"owner":{"id":7}}""").Json("acct/b", """{"owner":null}""")
            .Json("acct/c", """{"owner":42}""").Json("acct/d", """{"x":1}""").String("acct/e", "zed");
        Assert.Equal(["by/null = JSON {\"owner\":null}", "by/42 = JSON {\"owner\":42}"], table.Derive("map ?acct/ to by/<scalar(/owner)>"));
        var skips = table.Evaluate("map ?acct/ to by/<scalar(/owner)>").SelectMany(e => e.Skipped).Select(s => $"{s.SourcePath} {s.Reason}");
        Assert.Equal(["acct/a NOT_SCALAR", "acct/d POINTER_MISSING"], skips);
    }

    [Fact]
    public void VIEW_100_examples_8_to_12_expand()
    {
        Assert.Equal(["s/t1/value0 = JSON 1", "s/t1/value1 = JSON 5", "s/t1/value2 = JSON 7"],
            new TopicTable().Json("scores/t1", """{"values":[1,5,7]}""").Derive("map ?scores/ to s/<path(1)>/value<expand(/values)>"));
        Assert.Equal(["players/ann = JSON {\"name\":\"ann\",\"goals\":3}", "players/p2 = JSON {\"goals\":1}"],
            new TopicTable().Json("teams/red", """{"players":{"p1":{"name":"ann","goals":3},"p2":{"goals":1}}}""")
                .Derive("map ?teams/ to players/<expand(/players, /name)>"));
        Assert.Equal(["cell/r0/0 = JSON 10", "cell/r0/1 = JSON 11", "cell/r1/0 = JSON 12"],
            new TopicTable().Json("grid/g", """{"r0":[10,11],"r1":[12]}""").Derive("map ?grid/ to cell/<expand()>/<expand()>"));
        Assert.Equal(["d/x = JSON {\"id\":\"x\",\"v\":1}", "d/y = JSON {\"id\":\"y\"}"],
            new TopicTable().Json("dup/1", """[{"id":"x","v":1},{"id":"x","v":2},{"id":"y"}]""").Derive("map ?dup/ to d/<expand(, /id)>"));
        Assert.Equal(["flat/g_r0 = JSON 1", "flat/g_r1 = JSON 2", "flat/h_ = JSON 5"],
            new TopicTable().Json("grid/g", """{"r0":1,"r1":2}""").Json("grid/h", "5").Derive("map ?grid/ to flat/<path(1)>_<expand()>"));
    }

    [Fact]
    public void VIEW_100_examples_13_to_19_process()
    {
        Assert.Equal(["named/p = JSON {\"Age\":30,\"Name\":\"John\"}"],
            new TopicTable().Json("people/p", """{"Age":30}""").Derive("map ?people/ to named/<path(1)> process {set(/Name, \"John\")}"));
        Assert.Equal(["cheap/a = JSON {\"Price\":20}"],
            new TopicTable().Json("prices/a", """{"Price":20}""").Json("prices/b", """{"Price":70}""").Json("prices/c", """{"Price":"20"}""")
                .Derive("map ?prices/ to cheap/<path(1)> process {if '/Price lt 50' continue}"));
        Assert.Equal(["tiered/a = JSON {\"Price\":10,\"Tier\":1}", "tiered/c = JSON {\"Price\":99,\"Tier\":2}"],
            new TopicTable().Json("items/a", """{"Price":10}""").Json("items/b", """{"Price":50}""").Json("items/c", """{"Price":99}""")
                .Derive("map ?items/ to tiered/<path(1)> process {if '/Price lt 50' set(/Tier, 1) elseif '/Price gt 50' set(/Tier, 2)}"));
        Assert.Equal(["bonus/e = JSON {\"Salary\":20000,\"Age\":40,\"Bonus\":21400}"],
            new TopicTable().Json("emp/e", """{"Salary":20000,"Age":40}""")
                .Derive("map ?emp/ to bonus/<path(1)> process {set(/Bonus, calc \"/Salary + 1000 + /Age * 10\")}"));
        Assert.Equal(["totals/o = JSON {\"Id\":\"o1\",\"Amount\":12}"],
            new TopicTable().Json("orders/o", """{"Value":3,"Number":4,"Id":"o1"}""")
                .Derive("map ?orders/ to totals/<path(1)> process {set(/Amount, calc \"/Value * /Number\"); remove(/Value); remove(/Number)}"));
        Assert.Equal(["status/a = JSON {\"level\":5,\"alert\":true}", "status/b = JSON {\"level\":5,\"muted\":true,\"alert\":false}", "status/c = JSON {\"level\":1,\"alert\":false}"],
            new TopicTable().Json("ev/a", """{"level":5}""").Json("ev/b", """{"level":5,"muted":true}""").Json("ev/c", """{"level":1}""")
                .Derive("map ?ev/ to status/<path(1)> process {if '/level ge 3 and not (/muted = true)' set(/alert, true) else set(/alert, false)}"));
        Assert.Equal(["items/b1/0 = JSON {\"sku\":\"x\",\"qty\":2}", "items/b1/2 = JSON {\"sku\":\"z\",\"qty\":5}"],
            new TopicTable().Json("baskets/b1", """{"items":[{"sku":"x","qty":2},{"sku":"y","qty":0},{"sku":"z","qty":5}]}""")
                .Derive("map ?baskets/ to items/<path(1)>/<expand(/items)> process {if '/qty gt 0' continue}"));
    }

    [Fact]
    public void VIEW_100_examples_20_to_23_patch_and_insert()
    {
        Assert.Equal(["q/1 = JSON {\"qty\":2,\"price\":22}"],
            new TopicTable().Json("p/1", """{"name":"n","qty":2}""").Json("p/2", """{"qty":1}""")
                .Derive("map ?p/ to q/<path(1)> patch '[{\"op\":\"add\",\"path\":\"/price\",\"value\":22},{\"op\":\"remove\",\"path\":\"/name\"}]'"));
        Assert.Equal(["enriched/o1 = JSON {\"ccy\":\"EUR\",\"amt\":10,\"rate\":1.1}", "enriched/o2 = JSON {\"ccy\":\"JPY\",\"amt\":5}"],
            new TopicTable().Double("rates/EUR", 1.1).Json("orders/o1", """{"ccy":"EUR","amt":10}""").Json("orders/o2", """{"ccy":"JPY","amt":5}""")
                .Derive("map ?orders/ to enriched/<path(1)> insert rates/<scalar(/ccy)> at /rate"));
        const string Owner = "map ?jobs/ to e/<path(1)> insert meta/info key /owner at /owner default \"unknown\"";
        Assert.Equal(["e/j1 = JSON {\"a\":1,\"owner\":\"ops\"}"], new TopicTable().Json("meta/info", """{"owner":"ops"}""").Json("jobs/j1", """{"a":1}""").Derive(Owner));
        Assert.Equal(["e/j1 = JSON {\"a\":1,\"owner\":\"unknown\"}"], new TopicTable().Json("jobs/j1", """{"a":1}""").Derive(Owner));
        Assert.Equal(["tagged/1 = JSON {\"tags\":[\"a\",\"shared\"]}", "tagged/2 = JSON {\"name\":\"no tags\"}"],
            new TopicTable().String("tags/common", "shared").Json("t/1", """{"tags":["a"]}""").Json("t/2", """{"name":"no tags"}""")
                .Derive("map ?t/ to tagged/<path(1)> insert tags/common at /tags/-"));
    }

    [Fact]
    public void VIEW_100_examples_24_to_26_type_conversions()
    {
        Assert.Equal(["s/a = STRING 42", "s/b = STRING 2.5", "s/c = STRING txt"],
            new TopicTable().Int64("n/a", 42).Double("n/b", 2.5).Json("n/c", "\"txt\"").Json("n/d", """{"x":1}""").Binary("n/e")
                .Derive("map ?n/ to s/<path(1)> type STRING"));
        Assert.Equal(["i/a = INT64 17", "i/c = INT64 13", "i/d = INT64 -3", "i/e = INT64 9"],
            new TopicTable().String("m/a", "17").String("m/b", "1.5").Double("m/c", 12.51).Double("m/d", -2.5).Json("m/e", "9")
                .Derive("map ?m/ to i/<path(1)> type INT64"));
        Assert.Equal(["px/a = DOUBLE 1000", "px/b = DOUBLE 7", "px/d = DOUBLE 2.25"],
            new TopicTable().String("prices/a", "1e3").Int64("prices/b", 7).String("prices/c", "abc").Json("prices/d", "2.25")
                .Derive("map ?prices/ to px/<path(1)> type DOUBLE"));
    }

    [Fact]
    public void VIEW_100_examples_27_30_31_separator_properties_quoting()
    {
        Assert.Equal(["files/usr%bin = JSON {\"path\":\"usr/bin\"}"],
            new TopicTable().Json("dir/1", """{"path":"usr/bin"}""").Derive("map ?dir/ to files/<scalar(/path)> separator '%'"));
        Assert.Equal(["files/usr/bin = JSON {\"path\":\"usr/bin\"}"],
            new TopicTable().Json("dir/1", """{"path":"usr/bin"}""").Derive("map ?dir/ to files/<scalar(/path)>"));
        var derived = Assert.Single(new TopicTable().String("a/x", "v").Evaluate("map ?a/ to b/<path(1)> with properties CONFLATION:off, COMPRESSION:false").SelectMany(e => e.Topics));
        Assert.Equal("off", derived.Specification.GetEffectiveValue(TopicProperties.Conflation));
        Assert.Equal("off", derived.Specification.GetEffectiveValue(TopicProperties.Compression));
        Assert.Equal(["another topic = STRING s"], new TopicTable().String("a topic", "s").Derive("map \"a topic\" to \"another topic\""));
    }
}
