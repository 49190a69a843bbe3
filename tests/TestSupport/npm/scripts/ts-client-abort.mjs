// The TypeScript SDK's client aborts a call through Tributary's /mcp, for the Conformance tests.
// Usage: node ts-client-abort.mjs <url> <tool> <echo-tool>
// Calls <tool> with an AbortSignal, prints "calling", aborts when stdin gives the line "abort", then
// calls <echo-tool> and prints one JSON line: {"rejected":true,"name":"...","message":"...","echoAfterAbort":"..."}.
// Exits 0 when done, 1 on any error; 3 when stdin ends first (the test is gone).
import { createInterface } from "node:readline";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, tool, echoTool] = process.argv.slice(2);
if (!url || !tool || !echoTool) {
  console.error("usage: node ts-client-abort.mjs <url> <tool> <echo-tool>");
  process.exit(1);
}

const controller = new AbortController();
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => line === "abort" && controller.abort());
lines.on("close", () => controller.signal.aborted || process.exit(3));

const client = new Client({ name: "tributary-ts-client-abort", version: "0.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
await client.listTools();

const outcome = { rejected: false, name: null, message: null };
const call = client.callTool({ name: tool, arguments: {} }, undefined, { signal: controller.signal, timeout: 60_000 });
console.log("calling");
try {
  await call;
} catch (error) {
  outcome.rejected = true;
  outcome.name = error?.name ?? null;
  outcome.message = String(error?.message ?? error);
}

// The session, and the upstream behind it, survive the cancelled call.
const echo = await client.callTool({ name: echoTool, arguments: { message: "after" } }, undefined, { timeout: 30_000 });
outcome.echoAfterAbort = echo.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
console.log(JSON.stringify(outcome));
await client.close();
process.exit(0);
