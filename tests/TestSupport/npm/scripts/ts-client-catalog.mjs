// A TypeScript-SDK client that reads Tributary's catalog through one transport, run by the Conformance tests.
// Usage: node ts-client-catalog.mjs <url> <streamable-http|sse>
//   streamable-http: <url> is the /mcp endpoint; sse: <url> is the legacy /mcp/sse endpoint.
// Prints one JSON line on stdout:
//   {"tools":[...],"echo":"...","resource":{"uri":"...","mimeType":"...","text":"..."},"prompt":["..."]}
// Exits 0 when done, 1 on any error.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, mode] = process.argv.slice(2);
if (!url || (mode !== "streamable-http" && mode !== "sse")) {
  console.error("usage: node ts-client-catalog.mjs <url> <streamable-http|sse>");
  process.exit(1);
}

// The test process owns this one: exit when it closes our stdin (it is gone or done with us).
process.stdin.on("end", () => process.exit(3));
process.stdin.resume();

const text = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");

const client = new Client({ name: "tributary-ts-catalog-client", version: "0.0.0" });
const transport = mode === "sse" ? new SSEClientTransport(new URL(url)) : new StreamableHTTPClientTransport(new URL(url));
await client.connect(transport);

const tools = (await client.listTools()).tools.map((t) => t.name);
const echo = text(await client.callTool({ name: "everything__echo", arguments: { message: "hi" } }));
const [contents] = (await client.readResource({ uri: "demo://resource/static/document/features.md" })).contents;
const resource = { uri: contents.uri, mimeType: contents.mimeType ?? null, text: contents.text ?? null };
const prompt = (await client.getPrompt({ name: "everything__simple-prompt" })).messages.map((m) => m.content.text);

console.log(JSON.stringify({ tools, echo, resource, prompt }));
await client.close();
process.exit(0);
