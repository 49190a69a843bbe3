using System.Text;

namespace Tributary.Server.Tests.Telemetry;

/// <summary>
/// The protobuf wire bytes of the few OTLP fields the telemetry tests look for in an export body, so a test can
/// assert that an exact span name or attribute was sent without generating the OTLP classes; and a reader of a
/// message's fields, enough to take spans apart (<see cref="OtlpSpan"/>).
/// </summary>
internal static class Protobuf
{
    /// <summary>A length-delimited string field: tag, length, UTF-8 bytes.</summary>
    public static byte[] StringField(int field, string value) => LengthDelimited(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A <c>KeyValue</c> attribute with a string value: <c>key</c> (1) and <c>value</c> (2) = <c>AnyValue.string_value</c> (1).</summary>
    public static byte[] StringAttribute(string key, string value) =>
        [.. StringField(1, key), .. LengthDelimited(2, StringField(1, value))];

    /// <summary>The <c>name</c> field (5) of an OTLP <c>Span</c>.</summary>
    public static byte[] SpanName(string name) => StringField(5, name);

    /// <summary>The <c>name</c> field (1) of an OTLP <c>InstrumentationScope</c> (the activity source or meter).</summary>
    public static byte[] ScopeName(string name) => StringField(1, name);

    private static byte[] LengthDelimited(int field, byte[] payload) =>
        [.. Varint((uint)((field << 3) | 2)), .. Varint((uint)payload.Length), .. payload];

    private static byte[] Varint(uint value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    /// <summary>The fields of one message, in order: number, wire type, and the varint or fixed value or the length-delimited bytes.</summary>
    public static IEnumerable<(int Field, int WireType, ulong Number, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        int position = 0;
        while (position < message.Length)
        {
            ulong key = ReadVarint(message.Span, ref position);
            int field = (int)(key >> 3);
            int wireType = (int)(key & 7);
            switch (wireType)
            {
                case 0:
                    yield return (field, wireType, ReadVarint(message.Span, ref position), ReadOnlyMemory<byte>.Empty);
                    break;
                case 1:
                    yield return (field, wireType, BitConverter.ToUInt64(message.Span.Slice(position, 8)), ReadOnlyMemory<byte>.Empty);
                    position += 8;
                    break;
                case 2:
                    int length = (int)ReadVarint(message.Span, ref position);
                    yield return (field, wireType, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return (field, wireType, BitConverter.ToUInt32(message.Span.Slice(position, 4)), ReadOnlyMemory<byte>.Empty);
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wireType} of field {field} is not one OTLP uses");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
