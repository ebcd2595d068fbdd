using System.Text;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

/// <summary>
/// Spec/errors.md ERR-31 for the topic path parser: for any string, validation returns or raises
/// INVALID_PATH with consistent details — never anything else — and agrees with a naive definition.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopicPathFuzzTests
{
    private const string Alphabet = "ab/é€$#?*> .\t\0\u007f\u0080\uD83D\uDE00\uD800\uDFFF\uFFFD";

    [Fact]
    public void ERR_31_validate_returns_or_raises_invalid_path_and_agrees_with_the_definition()
    {
        var random = new Random(20251122);
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var path = Generate(random);

            var valid = TopicPath.TryValidate(path, out var error);

            Assert.True(valid == IsValidByDefinition(path), $"iteration {iteration}: '{Escape(path)}' valid={valid}");
            if (valid)
            {
                TopicPath.Validate(path);
                continue;
            }
            Assert.InRange(error!.Position, 0, Math.Max(0, path.Length - 1));
            Exception? thrown = null;
            try
            {
                TopicPath.Validate(path);
            }
            catch (Exception e)
            {
                thrown = e;
            }
            var topiary = Assert.IsAssignableFrom<TopiaryException>(thrown);
            Assert.Equal(ErrorCode.InvalidPath, topiary.Code);
            Assert.Equal(error.Position, (int?)topiary.Error.Details!["position"]);
            Assert.Equal(error.Reason, (string?)topiary.Error.Details!["reason"]);
        }
    }

    private static string Generate(Random random)
    {
        switch (random.Next(4))
        {
            case 0: // short random text over a hostile alphabet
                return RandomText(random, random.Next(0, 12));
            case 1: // many short segments, around the segment limit
                return string.Join('/', Enumerable.Range(0, random.Next(60, 70)).Select(_ => RandomText(random, random.Next(0, 3))));
            case 2: // long segments, around the byte limits
                return string.Join('/', Enumerable.Range(0, random.Next(1, 6)).Select(_ => new string("aé€"[random.Next(3)], random.Next(80, 300))));
            default: // valid paths with one mutation
                var chars = string.Join('/', Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomText(random, 3).Replace('/', 'x'))).ToCharArray();
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
                return new string(chars);
        }
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>TOP-1..TOP-3 read literally.</summary>
    private static bool IsValidByDefinition(string path)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var segments = path.Split('/');
        if (path.Length == 0 || segments.Length > 64 || segments.Any(s => s.Length == 0))
        {
            return false;
        }
        if (path.Any(c => c < 0x20 || c == 0x7F))
        {
            return false;
        }
        try
        {
            return strict.GetByteCount(path) <= 1024 && segments.All(s => strict.GetByteCount(s) <= 255);
        }
        catch (EncoderFallbackException)
        {
            return false; // an unpaired surrogate
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 0x20 || char.IsSurrogate(c) || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
