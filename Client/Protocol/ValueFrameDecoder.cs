using System.Buffers.Binary;

namespace Topiary.Client.Protocol;

/// <summary>Outcome of <see cref="ValueFrameDecoder.TryDecode"/>.</summary>
internal enum FrameStatus
{
    /// <summary>A well-formed VALUE frame.</summary>
    Value,

    /// <summary>A frame of a kind this SDK does not know; protocol §5 says to ignore it.</summary>
    UnknownKind,

    /// <summary>A VALUE frame that is too short or carries a payload with the no-value flag.</summary>
    Malformed,
}

/// <summary>Decodes binary frames (protocol §5) from a span, without allocating.</summary>
internal static class ValueFrameDecoder
{
    /// <summary>Bytes before the payload: kind, flags, topicId, epoch, sequence.</summary>
    public const int HeaderLength = 22;

    public static FrameStatus TryDecode(ReadOnlySpan<byte> frame, out ValueFrame value)
    {
        value = default;
        if (frame.IsEmpty)
        {
            return FrameStatus.Malformed;
        }
        if (frame[0] != ValueFrame.KindValue)
        {
            return FrameStatus.UnknownKind;
        }
        if (frame.Length < HeaderLength)
        {
            return FrameStatus.Malformed;
        }
        var flags = frame[1];
        var payload = frame[HeaderLength..];
        if ((flags & ValueFrame.FlagNoValue) != 0 && !payload.IsEmpty)
        {
            return FrameStatus.Malformed;
        }
        value = new ValueFrame(
            flags,
            BinaryPrimitives.ReadUInt32LittleEndian(frame[2..]),
            BinaryPrimitives.ReadUInt64LittleEndian(frame[6..]),
            BinaryPrimitives.ReadUInt64LittleEndian(frame[14..]),
            payload);
        return FrameStatus.Value;
    }
}
