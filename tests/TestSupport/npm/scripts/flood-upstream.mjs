// A stdio MCP server that misbehaves on request, for the limits on upstream messages:
// - echo(message): answers "flood:<message>", like a well-behaved server;
// - flood(bytes): writes one line of `bytes` bytes to stdout (not a message: it never ends in time to be one),
//   waiting for the pipe to drain after each MiB, then answers; how much was written so far is in FLOOD_PROGRESS_FILE;
// - endless(): writes stdout without a newline until the process is ended.
// Usage: node flood-upstream.mjs   (FLOOD_PROGRESS_FILE names the file counting the bytes written)
import { writeFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const progressFile = process.env.FLOOD_PROGRESS_FILE;
const chunk = Buffer.alloc(1024 * 1024, "x");
const server = new Server({ name: "flood", version: "1.0.0" }, { capabilities: { tools: {} } });
const text = (value) => ({ content: [{ type: "text", text: value }] });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: "echo", inputSchema: { type: "object", properties: { message: { type: "string" } } } },
    { name: "flood", inputSchema: { type: "object", properties: { bytes: { type: "number" } } } },
    { name: "endless", inputSchema: { type: "object", properties: {} } },
  ],
}));

async function write(buffer) {
  if (!process.stdout.write(buffer)) {
    await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args = {} } = request.params;
  if (name === "echo") {
    return text(`flood:${args.message}`);
  }

  let written = 0;
  const total = name === "flood" ? args.bytes : Infinity;
  while (written < total) {
    const part = Math.min(chunk.length, total - written);
    await write(part === chunk.length ? chunk : chunk.subarray(0, part));
    written += part;
    if (progressFile) {
      writeFileSync(progressFile, String(written));
    }
  }

  await write("\n");
  return text(`wrote ${written} bytes`);
});

await server.connect(new StdioServerTransport());
