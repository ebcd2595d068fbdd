namespace Topiary.Tests.Gateway.Transport;

/// <summary>One decoded server frame: FIN, the 4-bit opcode, the payload and how long its header was.</summary>
internal sealed record ServerFrame(bool Fin, int Opcode, byte[] Payload, int HeaderLength);
