using System.Text;

namespace Tributary.Server.Tests.Telemetry;

/// <summary>
/// The protobuf wire bytes of the few OTLP fields the telemetry tests look for in an export body, so a test can
/// assert that an exact span name or attribute was sent without generating the OTLP classes.
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
}
