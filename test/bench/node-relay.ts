/**
 * The bench's `relay` target: the least a gateway written in Node can do per request. A node:http
 * server that reads the body and passes it, with the caller's identity token, to the subgraph its
 * path names (`/persons`, `/enrollments`, …), over the gateway's own keep-alive fetcher
 * (gateway/fetcher.ts), then writes the subgraph's answer back. No parsing of GraphQL, no query
 * plan, no authentication, no shields, no limits: what is left when everything a federation
 * gateway does is taken away, so the distance from it to the direct call is the price of one HTTP
 * hop through Node on this machine, and the distance from ours to it is what our gateway's own
 * work costs. Not a product: it checks nothing and must never face a client.
 *
 * Upstreams from <SUBGRAPH>_URL (PERSONS_URL, …), as the gateway reads them; port RELAY_PORT.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeepAliveFetcher } from '../../gateway/fetcher.ts';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';

const upstreams = new Map<string, string>();
for (const name of SUBGRAPH_NAMES) {
  const url = process.env[`${name.toUpperCase()}_URL`];
  if (url) upstreams.set(`/${name}`, url);
}
const fetcher = createKeepAliveFetcher(30_000).withTimeout(30_000);

const server = createServer((req, res) => {
  const upstream = upstreams.get(req.url ?? '');
  const token = req.headers[IDENTITY_HEADER];
  if (!upstream || req.method !== 'POST' || typeof token !== 'string') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  // A caller gone mid-request must not take the relay down with an unhandled 'error'.
  req.on('error', () => res.destroy());
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    fetcher(upstream, { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token }, body: Buffer.concat(chunks).toString('utf8') })
      .then(async (answer) => {
        const body = await answer.text();
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
      })
      .catch(() => res.writeHead(502).end());
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.RELAY_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: 'relay', url: `http://127.0.0.1:${port}` });
});
