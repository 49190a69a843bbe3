// The TypeScript SDK's client calls one tool through Tributary's /mcp as a client named <who>, with logging at debug,
// and answers the sampling and elicitation requests it is sent: the model says "I am <who>", the user accepts.
// Usage: node ts-client-interview.mjs <url> <tool> <who>
// Prints one JSON line: {"asked":[...],"elicited":[...],"logs":[...],"result":"..."} (the sampling prompts and
// elicitation messages it was sent, the log data it received, and the call's result text).
// Exits 0 when done, 1 on any error.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";

const [url, tool, who] = process.argv.slice(2);
if (!url || !tool || !who) {
  console.error("usage: node ts-client-interview.mjs <url> <tool> <who>");
  process.exit(1);
}

const asked = [];
const elicited = [];
const logs = [];
const client = new Client({ name: `tributary-ts-client-${who}`, version: "0.0.0" }, { capabilities: { sampling: {}, elicitation: {} } });
client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
  asked.push(request.params.messages.map((m) => m.content.text).join("\n"));
  return { model: `model-of-${who}`, role: "assistant", content: { type: "text", text: `I am ${who}` } };
});
client.setRequestHandler(ElicitRequestSchema, async (request) => {
  elicited.push(request.params.message);
  return { action: "accept", content: { ok: true } };
});
client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
  logs.push(`${notification.params.logger} ${notification.params.level}: ${notification.params.data}`);
});

await client.connect(new StreamableHTTPClientTransport(new URL(url)));
await client.setLoggingLevel("debug");
const result = await client.callTool({ name: tool, arguments: { who } }, undefined, { timeout: 30_000 });
const text = result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
console.log(JSON.stringify({ asked, elicited, logs, result: text }));
await client.close();
process.exit(0);
