// Runs `tributary servers try` for one client scenario of the conformance suite, as an operator would:
// the scenario's pre-registered client (MCP_CONFORMANCE_CONTEXT) becomes --client-id and --client-secret-env,
// and the authorization URL is followed by follow-url.mjs, since the suite's authorization server approves at once.
// Usage (by the suite): node conformance-client.mjs TRIBUTARY [servers try options...] URL
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [tributary, ...rest] = process.argv.slice(2);
const context = process.env.MCP_CONFORMANCE_CONTEXT ? JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT) : {};
const url = rest.pop();
const follow = fileURLToPath(new URL('./follow-url.mjs', import.meta.url));
const args = ['servers', 'try', ...rest, '--open-with', `${process.execPath} ${follow}`];
const env = { ...process.env };
delete env.MCP_CONFORMANCE_CONTEXT;
if (context.client_id) {
  args.push('--client-id', context.client_id);
}
if (context.client_secret) {
  env.CONFORMANCE_CLIENT_SECRET = context.client_secret;
  args.push('--client-secret-env', 'CONFORMANCE_CLIENT_SECRET');
}
if (context.private_key_pem) {
  env.CONFORMANCE_CLIENT_KEY = context.private_key_pem;
  args.push('--client-key-env', 'CONFORMANCE_CLIENT_KEY');
}
if ((process.env.MCP_CONFORMANCE_SCENARIO ?? '').startsWith('auth/client-credentials')) {
  args.push('--grant', 'client_credentials');
} else {
  // Where the authorization server supports client ID metadata documents, this URL is Tributary's client ID.
  args.push('--client-metadata-url', 'https://conformance-test.local/client-metadata.json');
}
args.push(url);

const child = spawn(tributary, args, { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
