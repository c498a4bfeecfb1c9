// Where each keystroke's CPU goes across Chromium's processes (renderer main thread, its compositor, the GPU process's
// compositor that draws frames, the browser): types KEYS characters into cell 251 of the benchmark notebook under a
// trace and prints each thread's busy CPU time per key, and the top drawing/raster events. A page that is cheap on its
// own main thread can still be slow to paint a key if its frames are expensive to draw: on this 2-core machine the
// GPU process's software compositor competes with the renderer for the same cores. Compare runs with each other.
// Usage: node processes.mjs BASE_URL NOTEBOOK [KEYS=150] (token in JUPYTER_TOKEN). Prints plain text.
import { traceTyping } from './trace-typing.mjs';

const [baseUrl, notebook, keysArg] = process.argv.slice(2);
const keys = Number(keysArg ?? 150);
const events = await traceTyping(baseUrl, notebook, keys, ['devtools.timeline', 'toplevel', 'cc', 'viz', 'gpu', 'disabled-by-default-devtools.timeline']);

const names = new Map();
const processes = new Map();
for (const e of events) {
  if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  if (e.name === 'process_name') processes.set(e.pid, e.args.name);
}
const perThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || e.dur === undefined) continue;
  const key = `${e.pid}:${e.tid}`;
  if (!perThread.has(key)) perThread.set(key, []);
  perThread.get(key).push(e);
}
const perKey = (us) => (us / 1000 / keys).toFixed(2);
const rows = [];
for (const [key, list] of perThread) {
  // Top-level slices only (slices nest): their thread time is the thread's busy CPU.
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let end = -1;
  let cpu = 0;
  for (const e of list) {
    if (e.ts >= end) {
      cpu += e.tdur ?? 0;
      end = e.ts + e.dur;
    }
  }
  rows.push({ name: `${processes.get(Number(key.split(':')[0])) ?? '?'} / ${names.get(key) ?? key}`, cpu });
}
process.stdout.write(`CPU per key (ms), ${keys} keys:\n`);
for (const row of rows.sort((a, b) => b.cpu - a.cpu).slice(0, 8)) process.stdout.write(`  ${perKey(row.cpu).padStart(6)}  ${row.name}\n`);
const drawing = new Map();
for (const e of events) if (e.ph === 'X' && /DrawAndSwap|DrawFrame|DoDrawQuad|RasterTask|^Paint$|PrePaint|Layerize|^Commit$/.test(e.name)) drawing.set(e.name, (drawing.get(e.name) ?? 0) + (e.tdur ?? e.dur));
process.stdout.write('drawing and raster per key (ms):\n');
for (const [name, us] of [...drawing].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${perKey(us).padStart(6)}  ${name}\n`);
