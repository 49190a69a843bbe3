// The TypeScript SDK's client calls one tool through Tributary's /mcp with a progress token, for the Conformance
// tests. The SDK handles messages in the order they arrive, so a tick that reaches it after the result is not counted.
// Usage: node ts-client-progress.mjs <url> <tool> <arguments-json>
// Prints one JSON line: {"progress":[1,2,...],"result":"..."} (the progress values received before the result).
// Exits 0 when done, 1 on any error.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, tool, args] = process.argv.slice(2);
if (!url || !tool || !args) {
  console.error("usage: node ts-client-progress.mjs <url> <tool> <arguments-json>");
  process.exit(1);
}

const client = new Client({ name: "tributary-ts-client-progress", version: "0.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
await client.listTools();

const progress = [];
const result = await client.callTool({ name: tool, arguments: JSON.parse(args) }, undefined, {
  onprogress: (tick) => progress.push(tick.progress),
  timeout: 30_000,
});
const text = result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
console.log(JSON.stringify({ progress, result: text }));
await client.close();
process.exit(0);
