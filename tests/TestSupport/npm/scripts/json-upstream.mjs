// An upstream MCP server over streamable HTTP that answers every POST with one JSON body (enableJsonResponse), as many
// hosted servers do, instead of an event stream. Tools: echo (answers "Echo: <message>"), refuse (a JSON-RPC error).
// Usage: PORT=<port> node json-upstream.mjs
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";

const transports = new Map();

function newSession() {
  const server = new Server({ name: "json-upstream", version: "0.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [
      { name: "echo", description: "Echoes the message", inputSchema: { type: "object", properties: { message: { type: "string" } } } },
      { name: "refuse", description: "Always answers a JSON-RPC error", inputSchema: { type: "object", properties: {} } },
    ],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name === "refuse") {
      throw new McpError(-32001, "refused on purpose");
    }

    return { content: [{ type: "text", text: `Echo: ${JSON.stringify(request.params.arguments)}` }] };
  });
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableJsonResponse: true,
    onsessioninitialized: (id) => transports.set(id, transport),
  });
  server.connect(transport);
  return transport;
}

createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }

  const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
  const id = req.headers["mcp-session-id"];
  const transport = id ? transports.get(id) : newSession();
  if (!transport) {
    res.writeHead(404).end();
    return;
  }

  await transport.handleRequest(req, res, body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`json-upstream listening on ${process.env.PORT}`));
