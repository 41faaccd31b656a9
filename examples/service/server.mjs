// Cloud Run service: the job's logic behind an HTTP handler. Cloud Scheduler POSTs to it
// (with an OIDC token that Cloud Run itself checks before the request arrives here: the
// service is private, only the invoker service account may call it). The answer's status
// is what the Scheduler records: 200 when all URLs are up, 500 when one is down (so the
// attempt counts as failed and `retry_count` applies).
import { createServer } from 'node:http';
import { log, parseUrls, probe } from '../shared/probe.mjs';

const urls = parseUrls(process.env.URLS);
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 10_000);
const port = Number(process.env.PORT ?? 8080);

const server = createServer(async (req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/healthz') return send(200, { ok: true });
  if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/') {
    return send(404, { error: 'POST / runs the check' });
  }
  req.resume(); // the Scheduler's body (if any) is not needed
  if (urls.length === 0) return send(500, { error: 'URLS is empty' });
  try {
    const { ok, results } = await probe(urls, { timeoutMs });
    send(ok ? 200 : 500, { ok, down: results.filter((r) => !r.ok).map((r) => r.url), results });
  } catch (err) {
    log('ERROR', 'check failed', { error: String(err) });
    send(500, { error: String(err) });
  }
});

server.listen(port, () => log('INFO', `listening on ${port}, ${urls.length} URL(s)`));
// Cloud Run sends SIGTERM before stopping an instance: finish what is in flight.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
