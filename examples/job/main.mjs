// Cloud Run job: checks the URLs once and exits. Exit code 0 = all up; 1 = at least one
// down, so the task (and the execution) fails and the failure shows in the action's smoke
// test, in the execution's logs and in Cloud Monitoring. With `tasks: N` each task checks
// its share of the list (CLOUD_RUN_TASK_INDEX of CLOUD_RUN_TASK_COUNT).
import { log, parseUrls, probe, shard } from '../shared/probe.mjs';

const urls = parseUrls(process.env.URLS);
if (urls.length === 0) {
  log('ERROR', 'URLS is empty: set it to one URL a line or a comma-separated list');
  process.exit(2);
}
const index = Number(process.env.CLOUD_RUN_TASK_INDEX ?? 0);
const count = Number(process.env.CLOUD_RUN_TASK_COUNT ?? 1);
const mine = shard(urls, index, count);
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 10_000);

const { ok, results } = await probe(mine, { timeoutMs });
const down = results.filter((r) => !r.ok).length;
log(ok ? 'INFO' : 'ERROR', `task ${index}/${count}: ${results.length - down} up, ${down} down`);
process.exit(ok ? 0 : 1);
