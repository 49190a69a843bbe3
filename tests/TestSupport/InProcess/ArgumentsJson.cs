using System.Text;
using System.Text.Json;

namespace Tributary.TestSupport.InProcess;

/// <summary>Writes tool-call arguments as compact JSON in the order they arrived.</summary>
internal static class ArgumentsJson
{
    public static string Write(IDictionary<string, JsonElement>? arguments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
