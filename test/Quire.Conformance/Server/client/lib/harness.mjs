// The shared frame of every scenario: the server to drive, named checks with timeouts, and one JSON report line.
//
// Usage of a scenario: node <scenario>.mjs <base URL> [arguments]; the token comes from JUPYTER_TOKEN, not argv, so
// that it never shows in a process list or in a test's failure message.
//
// Report (the last line on stdout):
//   {"scenario":"contents","passed":["..."],"failed":[{"name":"...","reason":"..."}],"fatal":null}
// Exit code: 0 when every check passed, 1 when one failed, 2 for a usage error.

import { ServerConnection } from '@jupyterlab/services';
import WebSocket from 'ws';

// The library logs its progress ("Starting WebSocket: ...") with console.log: keep stdout for the report alone.
console.log = console.error;
console.info = console.error;
console.debug = () => {};

/** The server under test, from the command line and the environment. */
export function serverFromArgs(usage) {
  const baseUrl = process.argv[2];
  if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
    process.stderr.write(`usage: node ${usage}\n  the base URL (http://HOST:PORT/) first; the token in JUPYTER_TOKEN\n`);
    process.exit(2);
  }
  const normalized = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return { baseUrl: normalized, token: process.env.JUPYTER_TOKEN ?? '', args: process.argv.slice(3) };
}

/**
 * Settings as a Node.js client makes them: Node 20 has fetch but no global WebSocket, so the `ws` package is passed
 * in; the token goes in the Authorization header (HTTP) and as ?token= (WebSocket), as JupyterLab sends it.
 */
export function makeSettings(baseUrl, token) {
  return ServerConnection.makeSettings({
    baseUrl,
    wsUrl: `ws${baseUrl.slice(4)}`,
    token,
    appendToken: true,
    WebSocket,
  });
}

/** Thrown by a check whose prerequisite failed earlier: it is reported as failed, with that reason. */
export class NotRun extends Error {}

/** A scenario's named checks, run one after another; a failing check does not stop the next. */
export class Scenario {
  constructor(name) {
    this.name = name;
    this.results = [];
    this.fatal = null;
  }

  /** Runs one check; returns its value, or undefined when it failed (later checks then call need()). */
  async check(name, body, timeoutMs = 60_000) {
    try {
      const value = await withTimeout(body(), timeoutMs, `did not finish within ${timeoutMs / 1000} s`);
      this.results.push({ name, ok: true });
      return value ?? true;
    } catch (error) {
      this.results.push({ name, ok: false, reason: describe(error) });
      return undefined;
    }
  }

  /** Runs the scenario's body, then prints the report and exits. Never returns. */
  async run(body) {
    try {
      await body(this);
    } catch (error) {
      this.fatal = describe(error);
    }
    const passed = this.results.filter((r) => r.ok).map((r) => r.name);
    const failed = this.results.filter((r) => !r.ok).map(({ name, reason }) => ({ name, reason }));
    const report = JSON.stringify({ scenario: this.name, passed, failed, fatal: this.fatal });
    const code = failed.length === 0 && this.fatal === null && passed.length > 0 ? 0 : 1;
    // Open WebSockets and the managers' polls would keep Node alive: exit once the report is written.
    process.stdout.write(`${report}\n`, () => process.exit(code));
  }
}

/** Fails the check with a reason unless `condition` holds. */
export function expect(condition, reason) {
  if (!condition) {
    throw new Error(typeof reason === 'function' ? reason() : reason);
  }
}

/** Fails the check unless `actual` equals `expected` (compared as JSON). */
export function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    throw new Error(`${what}: expected ${e}, got ${a}`);
  }
}

/** Throws NotRun unless an earlier check produced `value`. */
export function need(value, what) {
  if (value === undefined || value === null) {
    throw new NotRun(`not run: ${what} failed earlier`);
  }
  return value;
}

/** Expects `promise` to be rejected with a ServerConnection.ResponseError of one of `statuses`; returns the status. */
export async function expectRefused(promise, statuses, what) {
  let value;
  try {
    value = await promise;
  } catch (error) {
    const status = error?.response?.status;
    if (status === undefined) {
      throw new Error(`${what}: expected HTTP ${statuses.join(' or ')}, but the request failed otherwise: ${describe(error)}`);
    }
    expect(statuses.includes(status), `${what}: expected HTTP ${statuses.join(' or ')}, got ${status} (${error.message})`);
    return status;
  }
  throw new Error(`${what}: expected HTTP ${statuses.join(' or ')}, but it succeeded with ${short(value)}`);
}

/** A promise with a deadline: rejects with `message` when `ms` pass first. */
export function withTimeout(promise, ms, message) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A promise with its resolve function, for waiting on events. */
export function signal() {
  let resolve;
  const promise = new Promise((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A name unique to this run, so scenarios sharing one server never collide. */
export function uniqueName(prefix) {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** JSON of a value, cut to a readable length for a reason. */
export function short(value, max = 300) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  text ??= String(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function describe(error) {
  if (error instanceof NotRun) {
    return error.message;
  }
  const status = error?.response?.status;
  const prefix = status === undefined ? '' : `HTTP ${status}: `;
  return `${prefix}${error?.message ?? String(error)}`;
}
