// A TypeScript-SDK client that lists the tools at <url> and calls one, sending
// "Authorization: Bearer $TRIBUTARY_MCP_KEY" when that variable is set (the key never goes on the command line).
// Usage: node ts-client-key.mjs <url> <tool> <json-arguments>
// Prints one JSON line on stdout: {"tools":[...],"result":"<text of the call's content>","isError":false}
// Exits 0 when done, 1 on any error.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, tool, json] = process.argv.slice(2);
if (!url || !tool || !json) {
  console.error("usage: node ts-client-key.mjs <url> <tool> <json-arguments>");
  process.exit(1);
}

// The test process owns this one: exit when it closes our stdin (it is gone or done with us).
process.stdin.on("end", () => process.exit(3));
process.stdin.resume();

const key = process.env.TRIBUTARY_MCP_KEY;
const requestInit = key ? { headers: { Authorization: `Bearer ${key}` } } : undefined;
const client = new Client({ name: "tributary-ts-key-client", version: "0.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit }));

const tools = (await client.listTools()).tools.map((t) => t.name);
const called = await client.callTool({ name: tool, arguments: JSON.parse(json) });
const result = called.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
console.log(JSON.stringify({ tools, result, isError: called.isError ?? false }));
await client.close();
process.exit(0);
