// Where each keystroke's time goes: types KEYS characters into cell 251 of the benchmark notebook (as bench.mjs does)
// under a Chromium trace, and prints the renderer main thread's CPU time per key (trace thread time, so less at the
// mercy of the machine's load than wall time), in all and by phase. Tracing adds its own overhead: compare runs of
// this script with each other, not with bench.mjs.
// Usage: node profile.mjs BASE_URL NOTEBOOK [KEYS=60] (token in JUPYTER_TOKEN). Prints one JSON line.
import { traceTyping } from './trace-typing.mjs';

const [baseUrl, notebook, keysArg] = process.argv.slice(2);
const keys = Number(keysArg ?? 60);
const events = await traceTyping(baseUrl, notebook, keys, ['devtools.timeline', 'toplevel', 'blink', 'input']);

const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const slices = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const perKey = (ms) => +(ms / 1000 / keys).toFixed(2);
const cpuOf = (name) => perKey(slices.filter((e) => e.name === name).reduce((sum, e) => sum + (e.tdur ?? 0), 0));
// Top-level tasks only (tasks nest), for the total.
let end = -1;
let total = 0;
for (const e of slices) {
  if ((e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts >= end) {
    total += e.tdur ?? 0;
    end = e.ts + e.dur;
  }
}
const result = {
  keys,
  mainThreadCpuPerKeyMs: perKey(total),
  javascriptMs: cpuOf('FunctionCall'),
  styleMs: cpuOf('UpdateLayoutTree'),
  layoutMs: cpuOf('Layout'),
  intersectionObserversMs: cpuOf('IntersectionObserverController::computeIntersections'),
  hitTestMs: cpuOf('HitTest'),
  prePaintMs: cpuOf('PrePaint'),
  paintMs: cpuOf('Paint'),
  layerizeMs: cpuOf('Layerize'),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
