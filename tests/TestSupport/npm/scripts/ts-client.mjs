// A TypeScript-SDK client run against Tributary's /mcp by the Conformance tests.
// Usage: node ts-client.mjs <url> <expected-tool>
// Prints, one per line on stdout:
//   1. a JSON summary: {"tools":[...],"echo":"...","progressCount":n,"longRunningResult":"...",
//      "abort":{"rejected":true,"name":"AbortError","message":"..."},"echoAfterAbort":"..."}
//   2. "ready": the test may now change the upstream's catalog
//   3. "list_changed" once a notifications/tools/list_changed has arrived after "ready" and the
//      listing it prompts holds <expected-tool> (an upstream may also announce a change right after
//      its own initialize, which must not count)
//   4. a JSON line {"toolsAfterChange":[...]}
// Exits 0 when done, 2 when <expected-tool> was not announced within 30 s, 1 on any other error.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const [url, expectedTool] = process.argv.slice(2);
if (!url || !expectedTool) {
  console.error("usage: node ts-client.mjs <url> <expected-tool>");
  process.exit(1);
}

const text = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");

// The test process owns this one: exit when it closes our stdin (it is gone or done with us).
process.stdin.on("end", () => process.exit(3));
process.stdin.resume();

const client = new Client({ name: "tributary-ts-client", version: "0.0.0" });
let ready = false;
let announced;
const expectedToolAnnounced = new Promise((resolve) => (announced = resolve));
client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
  if (!ready) {
    return;
  }

  const names = (await client.listTools()).tools.map((t) => t.name);
  if (names.includes(expectedTool)) {
    announced(names);
  }
});

await client.connect(new StreamableHTTPClientTransport(new URL(url)));

const tools = (await client.listTools()).tools.map((t) => t.name);
const echo = text(await client.callTool({ name: "everything__echo", arguments: { message: "hi" } }));

let progressCount = 0;
const longRunning = await client.callTool(
  { name: "everything__trigger-long-running-operation", arguments: { duration: 1, steps: 3 } },
  undefined,
  { onprogress: () => progressCount++ },
);

// Cancellation: abort a long call once it has reported progress, so it is surely running upstream.
const controller = new AbortController();
const abort = { rejected: false, name: null, message: null };
try {
  await client.callTool(
    { name: "everything__trigger-long-running-operation", arguments: { duration: 20, steps: 20 } },
    undefined,
    { signal: controller.signal, onprogress: () => controller.abort() },
  );
} catch (error) {
  abort.rejected = true;
  abort.name = error?.name ?? null;
  abort.message = String(error?.message ?? error);
}

// The session survives a cancelled call.
const echoAfterAbort = text(await client.callTool({ name: "everything__echo", arguments: { message: "again" } }));

console.log(JSON.stringify({ tools, echo, progressCount, longRunningResult: text(longRunning), abort, echoAfterAbort }));
ready = true;
console.log("ready");

const timeout = setTimeout(() => {
  console.error(`no notifications/tools/list_changed announced ${expectedTool} within 30 s`);
  process.exit(2);
}, 30_000);
const toolsAfterChange = await expectedToolAnnounced;
clearTimeout(timeout);
console.log("list_changed");
console.log(JSON.stringify({ toolsAfterChange }));
await client.close();
process.exit(0);
