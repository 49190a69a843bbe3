// Follows a URL through its redirects, as a browser would for an authorization server that approves at once, and
// discards the page: what the tests pass to `--open-with` (Node from the project's own install; no curl needed).
// Usage: node follow-url.mjs URL
const url = process.argv[2];
try {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
} catch (error) {
  console.error(`follow-url: ${url}: ${error.message}`);
  process.exit(1);
}
