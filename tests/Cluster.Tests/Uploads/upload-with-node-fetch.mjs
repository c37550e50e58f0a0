// Uploads a file of the given size the way a Node.js client does (the built-in fetch, undici) and prints the
// HTTP status and the body, or `ERROR <code>` when no response was received (e.g. EPIPE).
// Usage: node upload-with-node-fetch.mjs <url> <bearer token> <bytes>
const [url, token, size] = process.argv.slice(2);
const form = new FormData();
form.append('file', new Blob([new Uint8Array(Number(size)).fill(97)], { type: 'text/plain' }), 'big.txt');
try {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  console.log(response.status, await response.text());
} catch (error) {
  console.log('ERROR', error.cause?.code ?? error.message);
}
