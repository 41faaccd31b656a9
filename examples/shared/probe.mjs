// The work both examples do: check that each URL of a list answers, and say which do not.
// Tiny and real (an uptime check), Node's standard library only (fetch, AbortSignal).
// Logs one JSON object a line, which Cloud Logging turns into structured entries.

/** Parses URLS: one a line or comma-separated. */
export function parseUrls(text = '') {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The share of `urls` that task `index` of `count` handles (Cloud Run job tasks). */
export function shard(urls, index = 0, count = 1) {
  return urls.filter((_, i) => i % count === index);
}

export function log(severity, message, fields = {}) {
  console.log(JSON.stringify({ severity, message, ...fields }));
}

function describe(err) {
  const cause = err?.cause;
  if (err?.name === 'TimeoutError') return 'timeout';
  return String(cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? err?.message ?? err);
}

/**
 * Fetches each URL (HEAD falls back to GET where HEAD is refused) and returns
 * { ok, results: [{ url, ok, status, ms, error }] }. A URL is up when it answers
 * 2xx or 3xx within timeoutMs.
 */
export async function probe(urls, { timeoutMs = 10_000, fetchImpl = fetch } = {}) {
  const results = await Promise.all(
    urls.map(async (url) => {
      const started = Date.now();
      try {
        let res = await fetchImpl(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        if (res.status === 405 || res.status === 501) {
          res = await fetchImpl(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        }
        const ok = res.status >= 200 && res.status < 400;
        return { url, ok, status: res.status, ms: Date.now() - started };
      } catch (err) {
        return { url, ok: false, status: 0, ms: Date.now() - started, error: describe(err) };
      }
    }),
  );
  for (const r of results) {
    log(r.ok ? 'INFO' : 'ERROR', `${r.ok ? 'up' : 'DOWN'} ${r.url}`, r);
  }
  return { ok: results.every((r) => r.ok), results };
}
