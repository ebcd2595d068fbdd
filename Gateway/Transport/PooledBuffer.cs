using System.Buffers;

namespace Topiary.Gateway.Transport;

/// <summary>Buffers rented from <see cref="ArrayPool{T}.Shared"/> that start, and end, as the empty array.</summary>
internal static class PooledBuffer
{
    /// <summary>Gives <paramref name="buffer"/> back to the pool (unless it is the empty array) and empties the reference.</summary>
    public static void Release(ref byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
