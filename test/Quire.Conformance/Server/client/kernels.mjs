// Kernels: /api/kernels and the kernel WebSocket through KernelManager, KernelAPI and the kernel connection:
// start, list, stream, execute_result, error, stdin, complete, inspect, is_complete, interrupt, restart, shutdown.
// One kernel per run, named on the command line: python3 (ipykernel) or csharp (Quire's C# kernel).
import { KernelAPI, KernelManager } from '@jupyterlab/services';
import { Scenario, expect, expectEqual, makeSettings, need, serverFromArgs, short, signal, withTimeout } from './lib/harness.mjs';

const { baseUrl, token, args } = serverFromArgs('kernels.mjs BASE_URL python3|csharp');
const serverSettings = makeSettings(baseUrl, token);
const kernelTimeout = 120_000;

// The same behaviour asked of each kernel in its own language.
const languages = {
  python3: {
    language: 'python',
    stdout: { code: 'print("hello, quire")', text: 'hello, quire\n' },
    stderr: { code: 'import sys\nprint("warned", file=sys.stderr)', text: 'warned\n' },
    result: { code: '6 * 7', text: '42' },
    error: { code: '1 / 0', ename: 'ZeroDivisionError' },
    stdin: { code: 'name = input("Name? ")\nprint("hello " + name)', prompt: 'Name? ', answer: 'Ada', text: 'hello Ada\n' },
    complete: { code: 'import os\nos.pa', match: 'path' },
    inspect: { code: 'len', contains: 'len' },
    isComplete: { complete: 'x = 1', incomplete: 'for i in range(3):' },
    busy: 'print("started", flush=True)\nwhile True:\n    pass',
    state: { set: 'x = 41', use: 'x + 1', text: '42' },
    sum: { code: '1 + 1', text: '2' },
  },
  csharp: {
    language: 'csharp',
    stdout: { code: 'Console.WriteLine("hello, quire");', text: 'hello, quire\n' },
    stderr: { code: 'Console.Error.WriteLine("warned");', text: 'warned\n' },
    result: { code: '6 * 7', text: '42' },
    error: { code: 'throw new InvalidOperationException("boom");', ename: 'InvalidOperationException' },
    stdin: { code: 'var name = Input("Name? ");\nConsole.WriteLine("hello " + name);', prompt: 'Name? ', answer: 'Ada', text: 'hello Ada\n' },
    complete: { code: 'Console.WriteL', match: 'WriteLine' },
    inspect: { code: 'Console.WriteLine', contains: 'WriteLine' },
    isComplete: { complete: 'var x = 1;', incomplete: 'if (true) {' },
    busy: 'Console.WriteLine("started");\nwhile (true) { }',
    state: { set: 'var x = 41;', use: 'x + 1', text: '42' },
    sum: { code: '1 + 1', text: '2' },
  },
};

const kernelName = args[0];
const lang = languages[kernelName];
if (!lang) {
  process.stderr.write(`usage: node kernels.mjs BASE_URL ${Object.keys(languages).join('|')}\n`);
  process.exit(2);
}

/** Runs a cell to its end (reply and idle), answering input requests with `answer`; what came back, by kind. */
async function execute(kernel, code, { answer, onIOPub } = {}) {
  const future = kernel.requestExecute({ code, allow_stdin: answer !== undefined, stop_on_error: false });
  const iopub = [];
  const inputRequests = [];
  future.onIOPub = (msg) => {
    iopub.push(msg);
    onIOPub?.(msg);
  };
  future.onStdin = (msg) => {
    if (msg.header.msg_type === 'input_request') {
      inputRequests.push(msg.content);
      kernel.sendInputReply({ status: 'ok', value: answer ?? '' }, msg.header);
    }
  };
  const reply = await future.done;
  const ofType = (type) => iopub.filter((m) => m.header.msg_type === type).map((m) => m.content);
  return {
    reply: reply.content,
    iopub,
    inputRequests,
    stream: (name) => ofType('stream').filter((c) => c.name === name).map((c) => c.text).join(''),
    results: () => ofType('execute_result').map((c) => c.data['text/plain']),
    errors: () => ofType('error'),
    statuses: () => ofType('status').map((c) => c.execution_state),
  };
}

async function expectResult(kernel, { code, text }) {
  const run = await execute(kernel, code);
  expectEqual(run.reply.status, 'ok', `execute_reply status of ${short(code)} (${run.reply.ename ?? ''} ${run.reply.evalue ?? ''})`);
  expectEqual(run.results(), [text], `results of ${short(code)}`);
}

await new Scenario(`kernels:${kernelName}`).run(async (s) => {
  const manager = new KernelManager({ serverSettings });
  let kernel;
  try {
    kernel = await s.check(`start ${kernelName} (KernelManager.startNew) and get kernel_info over the WebSocket`, async () => {
      const connection = await manager.startNew({ name: kernelName });
      expectEqual(connection.name, kernelName, 'kernel name');
      // A kernel that dies at start is reported dead by the server: fail then, not at the timeout.
      const dead = signal();
      const onStatus = (_, status) => status === 'dead' && dead.resolve();
      connection.statusChanged.connect(onStatus);
      const died = dead.promise.then(() => {
        throw new Error('the server reported the kernel dead before it answered kernel_info_request');
      });
      const info = await Promise.race([connection.info, died]).finally(() => connection.statusChanged.disconnect(onStatus));
      expectEqual(info.status, 'ok', 'kernel_info_reply status');
      expectEqual(info.language_info.name.toLowerCase(), lang.language, 'language_info.name');
      expect(/^5\.\d+/.test(info.protocol_version), `protocol_version ${short(info.protocol_version)}`);
      return connection;
    }, kernelTimeout);

    await s.check('the kernel model has execution_state and connections (KernelAPI.getKernelModel, listRunning)', async () => {
      const { id } = need(kernel, 'starting the kernel');
      const model = await KernelAPI.getKernelModel(id, serverSettings);
      expect(model, `GET /api/kernels/${id} found nothing`);
      expectEqual([model.id, model.name], [id, kernelName], 'id, name');
      expect(['idle', 'busy', 'starting'].includes(model.execution_state), `execution_state ${short(model.execution_state)}`);
      expect(typeof model.connections === 'number' && model.connections >= 1, `connections ${short(model.connections)}, expected at least this client's 1`);
      expect(typeof model.last_activity === 'string', `last_activity ${short(model.last_activity)}`);
      const listed = await KernelAPI.listRunning(serverSettings);
      expect(listed.some((m) => m.id === id), `kernel ${id} is not listed: ${short(listed)}`);
    });

    await s.check('stream: stdout, with busy and idle status', async () => {
      const run = await execute(need(kernel, 'starting the kernel'), lang.stdout.code);
      expectEqual(run.reply.status, 'ok', 'execute_reply status');
      expectEqual(run.stream('stdout'), lang.stdout.text, 'stdout');
      const statuses = run.statuses();
      expectEqual([statuses[0], statuses.at(-1)], ['busy', 'idle'], `first and last status (all: ${statuses.join(', ')})`);
      expect(run.iopub.some((m) => m.header.msg_type === 'execute_input'), 'no execute_input on iopub');
    });

    await s.check('stream: stderr', async () => {
      const run = await execute(need(kernel, 'starting the kernel'), lang.stderr.code);
      expectEqual(run.reply.status, 'ok', 'execute_reply status');
      expectEqual(run.stream('stderr'), lang.stderr.text, 'stderr');
    });

    await s.check('execute_result with the execution count of the reply', async () => {
      const run = await execute(need(kernel, 'starting the kernel'), lang.result.code);
      expectEqual(run.reply.status, 'ok', 'execute_reply status');
      expectEqual(run.results(), [lang.result.text], 'execute_result text/plain');
      const result = run.iopub.find((m) => m.header.msg_type === 'execute_result');
      expectEqual(result.content.execution_count, run.reply.execution_count, 'execution_count');
    });

    await s.check('error: reply and iopub name the exception', async () => {
      const run = await execute(need(kernel, 'starting the kernel'), lang.error.code);
      expectEqual([run.reply.status, run.reply.ename], ['error', lang.error.ename], 'execute_reply status, ename');
      const errors = run.errors();
      expectEqual(errors.map((e) => e.ename), [lang.error.ename], 'error messages on iopub');
      expect(Array.isArray(errors[0].traceback), `traceback ${short(errors[0].traceback)}`);
    });

    await s.check('stdin: input_request answered with sendInputReply', async () => {
      const run = await execute(need(kernel, 'starting the kernel'), lang.stdin.code, { answer: lang.stdin.answer });
      expectEqual(run.reply.status, 'ok', `execute_reply status (${run.reply.ename ?? ''} ${run.reply.evalue ?? ''})`);
      expectEqual(run.inputRequests.map((r) => [r.prompt, r.password]), [[lang.stdin.prompt, false]], 'input requests (prompt, password)');
      expect(run.stream('stdout').endsWith(lang.stdin.text), `stdout ${short(run.stream('stdout'))} does not end with ${short(lang.stdin.text)}`);
    });

    await s.check('complete_request', async () => {
      const { code, match } = lang.complete;
      const reply = await need(kernel, 'starting the kernel').requestComplete({ code, cursor_pos: code.length });
      const { status, matches, cursor_end } = reply.content;
      expectEqual(status, 'ok', 'complete_reply status');
      expect(matches.some((m) => m === match || m.endsWith(`.${match}`)), `no ${match} among ${short(matches)}`);
      expectEqual(cursor_end, code.length, 'cursor_end');
    });

    await s.check('inspect_request', async () => {
      const { code, contains } = lang.inspect;
      const reply = await need(kernel, 'starting the kernel').requestInspect({ code, cursor_pos: code.length, detail_level: 0 });
      const { status, found, data } = reply.content;
      expectEqual([status, found], ['ok', true], 'inspect_reply status, found');
      const plain = data['text/plain'] ?? '';
      expect(plain.includes(contains), `text/plain ${short(plain)} does not mention ${contains}`);
    });

    await s.check('is_complete_request: complete and incomplete', async () => {
      const connection = need(kernel, 'starting the kernel');
      const complete = await connection.requestIsComplete({ code: lang.isComplete.complete });
      const incomplete = await connection.requestIsComplete({ code: lang.isComplete.incomplete });
      expectEqual([complete.content.status, incomplete.content.status], ['complete', 'incomplete'], `statuses of ${short(lang.isComplete.complete)} and ${short(lang.isComplete.incomplete)}`);
    });

    await s.check('interrupt a busy loop (kernel.interrupt) and keep the kernel', async () => {
      const connection = need(kernel, 'starting the kernel');
      const started = signal();
      const running = execute(connection, lang.busy, {
        onIOPub: (msg) => {
          if (msg.header.msg_type === 'stream' && msg.content.text.includes('started')) {
            started.resolve();
          }
        },
      });
      await withTimeout(started.promise, 60_000, 'the busy cell never printed "started"');
      await connection.interrupt();
      const run = await withTimeout(running, 60_000, 'the busy cell did not end within 60 s of the interrupt');
      expectEqual([run.reply.status, run.reply.ename], ['error', 'KeyboardInterrupt'], 'execute_reply status, ename');
      await expectResult(connection, lang.sum);
    }, kernelTimeout);

    await s.check('restart (kernel.restart): same id, fresh state, still answering', async () => {
      const connection = need(kernel, 'starting the kernel');
      const { id } = connection;
      await expectResult(connection, { code: `${lang.state.set}\n${lang.state.use}`, text: lang.state.text });
      await connection.restart();
      await connection.info;
      expectEqual(connection.id, id, 'kernel id after the restart');
      const run = await execute(connection, lang.state.use);
      expectEqual(run.reply.status, 'error', `execute_reply status of ${short(lang.state.use)} after the restart (the variable should be gone)`);
      await expectResult(connection, lang.sum);
      const model = await KernelAPI.getKernelModel(id, serverSettings);
      expectEqual(model?.id, id, 'the kernel model after the restart');
    }, kernelTimeout);

    await s.check('shutdown (kernel.shutdown): gone from the server', async () => {
      const connection = need(kernel, 'starting the kernel');
      const { id } = connection;
      await connection.shutdown();
      kernel = undefined;
      expectEqual(connection.status, 'dead', 'the connection status');
      expectEqual(await KernelAPI.getKernelModel(id, serverSettings), undefined, 'GET /api/kernels/{id}');
      const listed = await KernelAPI.listRunning(serverSettings);
      expect(!listed.some((m) => m.id === id), `kernel ${id} is still listed`);
    }, kernelTimeout);
  } finally {
    await kernel?.shutdown().catch(() => {});
    manager.dispose();
  }
});
