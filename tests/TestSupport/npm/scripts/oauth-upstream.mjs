// An MCP server protected by OAuth, with its own authorization server in the same process: the TypeScript SDK's
// auth router (metadata, dynamic client registration, /authorize approving at once, /token) over its demo in-memory
// provider, extended with refresh tokens and the client_credentials grant (client "m2m"). /mcp needs a bearer token
// (tool: whoami); /open/mcp needs none (tool: ping_open), so a test can see the other servers unaffected.
// Test controls: POST /test/expire makes every access token invalid (refresh tokens still work), POST /test/revoke
// forgets every token, GET /test/stats counts token grants, GET /test/tokens lists the tokens issued (to look for leaks).
// Usage: PORT=<port> node oauth-upstream.mjs
import { randomUUID } from "node:crypto";
import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { mcpAuthRouter, getOAuthProtectedResourceMetadataUrl } from "@modelcontextprotocol/sdk/server/auth/router.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { DemoInMemoryAuthProvider } from "@modelcontextprotocol/sdk/examples/server/demoInMemoryOAuthProvider.js";

const port = Number(process.env.PORT);
const base = new URL(`http://127.0.0.1:${port}`);
const mcpUrl = new URL("/mcp", base);
const stats = { authorizationCodes: 0, refreshes: 0, clientCredentials: 0 };
const refreshTokens = new Map();

class RefreshingProvider extends DemoInMemoryAuthProvider {
  async exchangeAuthorizationCode(client, code, verifier) {
    const tokens = await super.exchangeAuthorizationCode(client, code, verifier);
    stats.authorizationCodes++;
    return this.withRefresh(client, tokens);
  }

  async exchangeRefreshToken(client, refreshToken) {
    const grant = refreshTokens.get(refreshToken);
    if (!grant || grant.clientId !== client.client_id) {
      throw new Error("Invalid refresh token");
    }
    refreshTokens.delete(refreshToken);
    stats.refreshes++;
    const token = randomUUID();
    this.tokens.set(token, { token, clientId: client.client_id, scopes: grant.scopes, expiresAt: Date.now() + 3600000, resource: grant.resource, type: "access" });
    return this.withRefresh(client, { access_token: token, token_type: "bearer", expires_in: 3600, scope: grant.scopes.join(" ") }, grant);
  }

  // A refused token is a 401 with WWW-Authenticate, as a real resource server answers, not the demo's 500.
  async verifyAccessToken(token) {
    try {
      return await super.verifyAccessToken(token);
    } catch {
      throw new InvalidTokenError("Invalid or expired token");
    }
  }

  withRefresh(client, tokens, previous) {
    const refresh = randomUUID();
    const data = this.tokens.get(tokens.access_token);
    refreshTokens.set(refresh, { clientId: client.client_id, scopes: data?.scopes ?? previous?.scopes ?? [], resource: data?.resource ?? previous?.resource });
    return { ...tokens, refresh_token: refresh };
  }
}

const provider = new RefreshingProvider();
const app = express();

// Machine to machine, which the SDK's token handler does not do: client "m2m" with secret CLIENT_SECRET (default "m2m-secret").
app.post("/token", express.urlencoded({ extended: false }), (req, res, next) => {
  if (req.body.grant_type !== "client_credentials") {
    return next();
  }
  const basic = (req.headers.authorization ?? "").startsWith("Basic ")
    ? Buffer.from(req.headers.authorization.slice(6), "base64").toString("utf8").split(":").map(decodeURIComponent)
    : [req.body.client_id, req.body.client_secret];
  if (basic[0] !== "m2m" || basic[1] !== (process.env.CLIENT_SECRET ?? "m2m-secret")) {
    return res.status(401).json({ error: "invalid_client" });
  }
  stats.clientCredentials++;
  const token = randomUUID();
  provider.tokens.set(token, { token, clientId: "m2m", scopes: [], expiresAt: Date.now() + 3600000, resource: mcpUrl, type: "access" });
  res.json({ access_token: token, token_type: "bearer", expires_in: 3600 });
});
app.use(mcpAuthRouter({ provider, issuerUrl: base, resourceServerUrl: mcpUrl, scopesSupported: ["mcp:tools"] }));
app.use(express.json());

app.post("/test/expire", (_req, res) => {
  for (const data of provider.tokens.values()) {
    data.expiresAt = 0;
  }
  res.json({ expired: provider.tokens.size });
});
app.post("/test/revoke", (_req, res) => {
  provider.tokens.clear();
  refreshTokens.clear();
  res.json({ revoked: true });
});
app.get("/test/stats", (_req, res) => res.json(stats));
app.get("/test/tokens", (_req, res) => res.json([...provider.tokens.keys(), ...refreshTokens.keys()]));

function serve(name, tool, text) {
  return async (req, res) => {
    const server = new McpServer({ name, version: "0.0.0" });
    server.registerTool(tool, { description: `Says who answered (${name})` }, async () => ({ content: [{ type: "text", text }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => transport.close());
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  };
}

const bearer = requireBearerAuth({ verifier: provider, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl) });
app.post("/mcp", bearer, serve("oauth-upstream", "whoami", "authorized as demo_user"));
app.post("/open/mcp", serve("open-upstream", "ping_open", "pong from the open server"));
app.all(["/mcp", "/open/mcp"], (_req, res) => res.status(405).end());

app.listen(port, "127.0.0.1", () => console.log(`oauth-upstream listening on ${port}`));
