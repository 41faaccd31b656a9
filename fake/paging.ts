// Paged list answers (Run v2 jobs.list / services.list, Scheduler jobs.list): `pageSize`
// items at most, capped by the API's own maximum, and by `paging.max` when a test lowers it
// (both APIs may return fewer items than asked even when more exist); `nextPageToken` while
// more remain. The token is opaque to clients (here: the offset, base64). See fake/FACTS.md.
import type { Json } from './schema.ts';

export const paging = {
  /** Most items per page, whatever was asked (tests lower it to exercise paging). */
  max: Infinity,
};

export function page(items: Json[], query: URLSearchParams, key: string, apiMax: number): Json {
  const asked = Number(query.get('pageSize') ?? 0);
  const size = Math.max(1, Math.min(asked > 0 ? asked : apiMax, apiMax, paging.max));
  const token = query.get('pageToken');
  const start = token ? Number(Buffer.from(token, 'base64').toString()) || 0 : 0;
  const slice = items.slice(start, start + size);
  const out: Record<string, unknown> = {};
  if (slice.length) out[key] = slice;
  if (start + size < items.length) out.nextPageToken = Buffer.from(String(start + size)).toString('base64');
  return out as Json;
}
