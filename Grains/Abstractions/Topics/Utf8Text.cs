using System.Text;
using System.Text.Unicode;

namespace Topiary.Topics;

/// <summary>UTF-8 and UTF-16 well-formedness checks that report where the first error is.</summary>
internal static class Utf8Text
{
    /// <summary>Byte offset of the first invalid UTF-8 sequence, or -1 when all of <paramref name="bytes"/> is valid.</summary>
    public static int FindInvalid(ReadOnlySpan<byte> bytes)
    {
        // Vectorised fast path; the slow scan runs only for input that will be rejected.
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    /// <summary>UTF-16 offset of the first unpaired surrogate in <paramref name="text"/>, or -1.</summary>
    public static int FindUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
