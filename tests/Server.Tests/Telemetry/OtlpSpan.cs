using System.Text;

namespace Tributary.Server.Tests.Telemetry;

/// <summary>One span of an OTLP trace export, with what the telemetry tests look at.</summary>
/// <param name="Scope">The instrumentation scope (activity source), e.g. <c>Tributary.Agents</c> or <c>System.Net.Http</c>.</param>
/// <param name="TraceId">The trace id, in hex.</param>
/// <param name="SpanId">The span id, in hex.</param>
/// <param name="ParentSpanId">The parent's span id in hex, empty for a root span.</param>
/// <param name="Name">The span's name.</param>
/// <param name="Attributes">String, integer, boolean and double attributes by key.</param>
internal sealed record OtlpSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, object> Attributes)
{
    /// <summary>The spans of an <c>ExportTraceServiceRequest</c> body.</summary>
    public static IEnumerable<OtlpSpan> Read(byte[] body)
    {
        foreach (var resourceSpans in Protobuf.Fields(body).Where(f => f.Field == 1))
        {
            foreach (var scopeSpans in Protobuf.Fields(resourceSpans.Bytes).Where(f => f.Field == 2))
            {
                string scope = string.Empty;
                foreach (var field in Protobuf.Fields(scopeSpans.Bytes))
                {
                    if (field.Field == 1)
                    {
                        scope = Text(Protobuf.Fields(field.Bytes).FirstOrDefault(f => f.Field == 1).Bytes);
                    }
                    else if (field.Field == 2)
                    {
                        yield return ReadSpan(scope, field.Bytes);
                    }
                }
            }
        }
    }

    private static OtlpSpan ReadSpan(string scope, ReadOnlyMemory<byte> span)
    {
        string traceId = string.Empty, spanId = string.Empty, parent = string.Empty, name = string.Empty;
        var attributes = new Dictionary<string, object>();
        foreach (var field in Protobuf.Fields(span))
        {
            switch (field.Field)
            {
                case 1: traceId = Convert.ToHexString(field.Bytes.Span); break;
                case 2: spanId = Convert.ToHexString(field.Bytes.Span); break;
                case 4: parent = Convert.ToHexString(field.Bytes.Span); break;
                case 5: name = Text(field.Bytes); break;
                case 9:
                    var keyValue = Protobuf.Fields(field.Bytes).ToList();
                    string key = Text(keyValue.First(f => f.Field == 1).Bytes);
                    if (keyValue.FirstOrDefault(f => f.Field == 2) is { Bytes.Length: > 0 } value && AnyValue(value.Bytes) is { } read)
                    {
                        attributes[key] = read;
                    }

                    break;
                default:
                    break;
            }
        }

        return new OtlpSpan(scope, traceId, spanId, parent, name, attributes);
    }

    // AnyValue: string_value 1, bool_value 2, int_value 3, double_value 4; arrays, lists and bytes are not needed here.
    private static object? AnyValue(ReadOnlyMemory<byte> value)
    {
        var field = Protobuf.Fields(value).First();
        return field.Field switch
        {
            1 => Text(field.Bytes),
            2 => field.Number != 0,
            3 => (long)field.Number,
            4 => BitConverter.UInt64BitsToDouble(field.Number),
            _ => null,
        };
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
