using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>
/// VIEW-95, VIEW-97: seeded random mutations of valid specifications either parse (and then
/// round-trip through the canonical text) or fail with a positioned INVALID_VIEW_SPECIFICATION —
/// never any other exception.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ViewSpecificationFuzzTests
{
    private static readonly string[] Seeds =
    [
        .. ((IEnumerable<object[]>)SpecExampleTests.Examples).Select(row => (string)row[0]),
        "map ?a/ to b/<path(1)> process {if '/a = \"x\" or not (/b ge -3)' set(/c, calc \"(/d + 2) * -/e / 3\"); remove(/f) else continue}",
        "map 'a b' from s1 to \"c d\"/<scalar(/x\\)y)>/<expand(/p, /n)> insert i/<path(0, 1)> key /k at /a/- default 'z' with properties CONFLATION:'off' throttle to 3 updates every minute delay by 2 hours",
        "map ?a/ to b as <value(/x y)> separator '%%' preserve topics type int64",
    ];

    [Fact]
    public void VIEW_95_mutated_specifications_parse_or_fail_with_a_positioned_error()
    {
        var random = new Random(95);
        int valid = 0, invalid = 0;
        for (var iteration = 0; iteration < 4000; iteration++)
        {
            var input = FuzzInput.Mutate(random, random.Pick(Seeds));
            try
            {
                var parsed = ViewSpecification.Parse(input);
                var canonical = parsed.ToString();
                Assert.Equal(canonical, ViewSpecification.Parse(canonical).ToString());
                valid++;
            }
            catch (TopiaryException e) when (e.Code == ErrorCode.InvalidViewSpecification)
            {
                ViewAssert.CheckConsistent(input, e);
                invalid++;
            }
            catch (Exception e)
            {
                Assert.Fail($"input {FuzzInput.Show(input)} threw {e}");
            }
        }
        // Both outcomes must be exercised, or the mutations are not testing anything.
        Assert.InRange(valid, 100, 4000);
        Assert.InRange(invalid, 100, 4000);
    }

    [Fact]
    public void VIEW_95_random_text_never_throws_anything_else()
    {
        var random = new Random(97);
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var input = "map " + FuzzInput.Junk(random, 40);
            if (!ViewSpecification.TryParse(input, out _, out var error))
            {
                ViewAssert.CheckConsistent(input, error);
            }
        }
    }
}
