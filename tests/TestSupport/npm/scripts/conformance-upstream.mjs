// An upstream MCP server (stdio) with the tools, prompts and resources the conformance suite's server
// scenarios call by fixed names, so the suite can run them through Tributary (which fronts it with prefix "").
// Written from the scenarios' checks in @modelcontextprotocol/conformance; every answer goes through Tributary.
// Usage: node conformance-upstream.mjs
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";

// A 1x1 PNG and a short WAV header: content, not meaning, is what the scenarios check.
const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const wav = Buffer.from("RIFF$\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x40\x1f\0\0\x80\x3e\0\0\x02\0\x10\0data\0\0\0\0", "latin1").toString("base64");
const object = { type: "object", properties: {} };

const tools = [
  { name: "test_simple_text", description: "Returns a line of text", inputSchema: object },
  { name: "test_image_content", description: "Returns an image", inputSchema: object },
  { name: "test_audio_content", description: "Returns a sound", inputSchema: object },
  { name: "test_embedded_resource", description: "Returns an embedded resource", inputSchema: object },
  { name: "test_multiple_content_types", description: "Returns text, an image and a resource", inputSchema: object },
  { name: "test_tool_with_logging", description: "Logs three messages while it runs", inputSchema: object },
  { name: "test_tool_with_progress", description: "Reports progress three times", inputSchema: object },
  { name: "test_error_handling", description: "Always fails", inputSchema: object },
  { name: "test_sampling", description: "Asks the client's model", inputSchema: { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] } },
  { name: "test_elicitation", description: "Asks the user", inputSchema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] } },
  { name: "test_elicitation_sep1034_defaults", description: "Asks the user, with defaults", inputSchema: object },
  { name: "test_elicitation_sep1330_enums", description: "Asks the user to pick from enums", inputSchema: object },
  {
    name: "json_schema_2020_12_tool",
    description: "Takes a JSON Schema 2020-12 input",
    inputSchema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      $defs: { address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } } },
      properties: { name: { type: "string" }, address: { $ref: "#/$defs/address" } },
      additionalProperties: false,
    },
  },
];

const server = new Server(
  { name: "conformance-upstream", version: "1.0.0" },
  { capabilities: { tools: {}, prompts: {}, resources: { subscribe: true }, logging: {}, completions: {} } },
);

const text = (value) => ({ type: "text", text: value });
const embedded = { type: "resource", resource: { uri: "test://embedded", mimeType: "text/plain", text: "embedded text" } };

server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const args = request.params.arguments ?? {};
  switch (request.params.name) {
    case "test_simple_text":
      return { content: [text("This is a simple text response for testing.")] };
    case "test_image_content":
      return { content: [{ type: "image", data: png, mimeType: "image/png" }] };
    case "test_audio_content":
      return { content: [{ type: "audio", data: wav, mimeType: "audio/wav" }] };
    case "test_embedded_resource":
      return { content: [embedded] };
    case "test_multiple_content_types":
      return { content: [text("Several kinds:"), { type: "image", data: png, mimeType: "image/png" }, embedded] };
    case "test_tool_with_logging":
      for (const step of ["started", "working", "done"]) {
        await server.sendLoggingMessage({ level: "info", logger: "conformance-upstream", data: `tool ${step}` }, extra.sessionId);
      }
      return { content: [text("logged three messages")] };
    case "test_tool_with_progress": {
      const progressToken = request.params._meta?.progressToken;
      for (const progress of [0, 50, 100]) {
        if (progressToken !== undefined) {
          await extra.sendNotification({ method: "notifications/progress", params: { progressToken, progress, total: 100 } });
        }

        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { content: [text("progress reported")] };
    }
    case "test_error_handling":
      return { isError: true, content: [text("This tool intentionally returns an error for testing")] };
    case "test_sampling": {
      const answer = await server.createMessage({ messages: [{ role: "user", content: text(String(args.prompt)) }], maxTokens: 100 });
      return { content: [text(`LLM response: ${answer.content.type === "text" ? answer.content.text : answer.content.type}`)] };
    }
    case "test_elicitation": {
      const answer = await server.elicitInput({
        message: String(args.message),
        requestedSchema: { type: "object", properties: { username: { type: "string" }, email: { type: "string" } }, required: ["username", "email"] },
      });
      return { content: [text(`User response: ${answer.action} ${JSON.stringify(answer.content ?? {})}`)] };
    }
    case "test_elicitation_sep1034_defaults": {
      const answer = await server.elicitInput({
        message: "Your details, please",
        requestedSchema: {
          type: "object",
          properties: {
            name: { type: "string", default: "John Doe" },
            age: { type: "integer", default: 30 },
            score: { type: "number", default: 95.5 },
            status: { type: "string", enum: ["active", "inactive", "pending"], default: "active" },
            verified: { type: "boolean", default: true },
          },
        },
      });
      return { content: [text(`Elicitation completed: ${answer.action} ${JSON.stringify(answer.content ?? {})}`)] };
    }
    case "test_elicitation_sep1330_enums": {
      const answer = await server.elicitInput({
        message: "Pick some options",
        requestedSchema: {
          type: "object",
          properties: {
            untitledSingle: { type: "string", enum: ["option1", "option2", "option3"] },
            titledSingle: { type: "string", oneOf: [{ const: "value1", title: "First" }, { const: "value2", title: "Second" }] },
            legacyEnum: { type: "string", enum: ["opt1", "opt2"], enumNames: ["Option one", "Option two"] },
            untitledMulti: { type: "array", items: { type: "string", enum: ["option1", "option2", "option3"] } },
            titledMulti: { type: "array", items: { anyOf: [{ const: "value1", title: "First" }, { const: "value2", title: "Second" }] } },
          },
        },
      });
      return { content: [text(`Elicitation completed: ${answer.action} ${JSON.stringify(answer.content ?? {})}`)] };
    }
    case "json_schema_2020_12_tool":
      return { content: [text(`Hello, ${args.name ?? "nobody"}`)] };
    default:
      throw new Error(`unknown tool ${request.params.name}`);
  }
});

const prompts = [
  { name: "test_simple_prompt", description: "A prompt without arguments" },
  {
    name: "test_prompt_with_arguments",
    description: "A prompt with two arguments",
    arguments: [{ name: "arg1", required: true }, { name: "arg2", required: true }],
  },
  { name: "test_prompt_with_embedded_resource", description: "A prompt holding a resource", arguments: [{ name: "resourceUri", required: true }] },
  { name: "test_prompt_with_image", description: "A prompt holding an image" },
];

server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts }));
server.setRequestHandler(GetPromptRequestSchema, async (request) => {
  const args = request.params.arguments ?? {};
  switch (request.params.name) {
    case "test_simple_prompt":
      return { messages: [{ role: "user", content: text("This is a simple prompt for testing.") }] };
    case "test_prompt_with_arguments":
      return { messages: [{ role: "user", content: text(`Prompt with arguments: arg1='${args.arg1}', arg2='${args.arg2}'`) }] };
    case "test_prompt_with_embedded_resource":
      return {
        messages: [
          { role: "user", content: { type: "resource", resource: { uri: args.resourceUri, mimeType: "text/plain", text: "Embedded resource content" } } },
          { role: "user", content: text("Please process the embedded resource above.") },
        ],
      };
    case "test_prompt_with_image":
      return { messages: [{ role: "user", content: { type: "image", data: png, mimeType: "image/png" } }, { role: "user", content: text("Describe this image.") }] };
    default:
      throw new Error(`unknown prompt ${request.params.name}`);
  }
});

server.setRequestHandler(CompleteRequestSchema, async (request) => {
  const values = ["test1", "test2", "testing"].filter((v) => v.startsWith(request.params.argument.value));
  return { completion: { values, total: values.length, hasMore: false } };
});

const resources = [
  { uri: "test://static-text", name: "static-text", mimeType: "text/plain" },
  { uri: "test://static-binary", name: "static-binary", mimeType: "image/png" },
  { uri: "test://watched-resource", name: "watched-resource", mimeType: "text/plain" },
];

server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources }));
server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
  resourceTemplates: [{ uriTemplate: "test://template/{id}/data", name: "template-data", mimeType: "application/json" }],
}));
server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  const uri = request.params.uri;
  const templated = /^test:\/\/template\/([^/]+)\/data$/.exec(uri);
  if (templated) {
    return { contents: [{ uri, mimeType: "application/json", text: JSON.stringify({ id: templated[1], templateTest: true }) }] };
  }

  switch (uri) {
    case "test://static-text":
    case "test://watched-resource":
      return { contents: [{ uri, mimeType: "text/plain", text: "This is the content of a static text resource." }] };
    case "test://static-binary":
      return { contents: [{ uri, mimeType: "image/png", blob: png }] };
    default:
      throw new Error(`unknown resource ${uri}`);
  }
});

server.setRequestHandler(SubscribeRequestSchema, async () => ({}));
server.setRequestHandler(UnsubscribeRequestSchema, async () => ({}));

await server.connect(new StdioServerTransport());
