// An upstream MCP server (stdio) whose one tool, interview, waits until two calls of it are in flight, then logs,
// asks the caller's model (sampling) and user (elicitation), and answers what came back: or, when a request failed,
// the error it got, so a test can read what the server was told. Neither call answers before both have asked, so
// both are in flight throughout.
// Usage: node interview-upstream.mjs
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const server = new Server(
  { name: "interview-upstream", version: "0.0.0" },
  { capabilities: { tools: {}, logging: {} } },
);

// Resolved when the second call arrives (both are then in flight at once), and when the second is done asking.
let arrived = 0;
let bothArrived;
const meeting = new Promise((resolve) => (bothArrived = resolve));
let asked = 0;
let bothAsked;
const parting = new Promise((resolve) => (bothAsked = resolve));

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: "interview",
      description: "Waits for a second call, then logs, samples and elicits",
      inputSchema: { type: "object", properties: { who: { type: "string" } }, required: ["who"] },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const who = String(request.params.arguments?.who);
  if (++arrived === 2) {
    bothArrived();
  }

  await meeting;
  await server.sendLoggingMessage({ level: "info", logger: "interview", data: `interviewing ${who}` });
  const said = await server
    .createMessage({ messages: [{ role: "user", content: { type: "text", text: `What does ${who} want?` } }], maxTokens: 100 })
    .then((answer) => `the model said ${answer.content.text}`, (error) => `sampling failed: ${error.message}`);
  const chose = await server
    .elicitInput({ message: `Is this ${who}?`, requestedSchema: { type: "object", properties: { ok: { type: "boolean" } } } })
    .then((answer) => `the user chose ${answer.action}`, (error) => `elicitation failed: ${error.message}`);
  if (++asked === 2) {
    bothAsked();
  }

  await parting;
  return { content: [{ type: "text", text: `${who}: ${said}; ${chose}` }] };
});

await server.connect(new StdioServerTransport());
