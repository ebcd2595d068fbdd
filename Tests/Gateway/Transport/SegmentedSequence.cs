using System.Buffers;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>A <see cref="ReadOnlySequence{T}"/> made of several segments, as a pipe hands out data that arrived in pieces.</summary>
internal sealed class SegmentedSequence : ReadOnlySequenceSegment<byte>
{
    private SegmentedSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Create(byte[][] chunks)
    {
        var first = new SegmentedSequence(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            var next = new SegmentedSequence(chunk, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
