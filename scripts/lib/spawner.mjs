// A small process that starts the action's processes for a big one (scripts/lib/run-action.ts,
// `viaSpawner`). Why: starting a process copies the page tables of the one that starts it, and
// a jest worker holds about a gigabyte, so each start cost it ~20 ms of CPU (~3 ms from a small
// process) during which its event loop, and the local Google Cloud the action talks to, stood
// still. The action's process is the same either way: same Node, same file, same environment.
//
// Messages in: {id, command, args, env, cwd}. Out: {id, type: 'spawned', at}, then
// {id, type: 'stdout' | 'stderr', data} as output comes, then {id, type: 'close', code, wallMs}.
// It ends when its parent disconnects.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

process.on('message', ({ id, command, args, env, cwd }) => {
  const at = Date.now();
  const t0 = performance.now();
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  process.send({ id, type: 'spawned', at });
  for (const stream of ['stdout', 'stderr']) {
    child[stream].setEncoding('utf8'); // whole characters, also when a chunk ends inside one
    child[stream].on('data', (data) => process.send({ id, type: stream, data }));
  }
  let closed = false;
  const close = (code) => {
    if (closed) return;
    closed = true;
    process.send({ id, type: 'close', code, wallMs: performance.now() - t0 });
  };
  child.on('error', (err) => {
    process.send({ id, type: 'stderr', data: `${err.message}\n` });
    close(1);
  });
  child.on('close', (code) => close(code ?? 1));
});
process.on('disconnect', () => process.exit(0));
