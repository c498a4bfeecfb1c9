import type * as nbformat from '@jupyterlab/nbformat';
import type { Kernel, KernelMessage, Session } from '@jupyterlab/services';
import type { Services } from '../services';
import type { CellModel } from './model';
import { appendStreamText } from '../outputs/stream';

// Which display an output shows; kept beside the output so that it is never saved into the notebook.
const displayOf = new WeakMap<object, string>();

export interface ExecutionSink {
  started(): void;
  output(kind: 'append' | 'last' | 'all'): void;
  stdin(prompt: string, password: boolean, answer: (value: string) => void): void;
  finished(status: string, elapsedMs: number): void;
}

/** The notebook's session and kernel: start or reuse, execute with outputs into a cell, complete, inspect. */
export class KernelSession {
  session: Session.ISessionConnection | null = null;
  // display_id → the cells showing it, for update_display_data.
  private readonly displays = new Map<string, Set<{ cell: CellModel; sink: ExecutionSink }>>();

  constructor(private readonly services: Services) {}

  get kernel(): Kernel.IKernelConnection | null {
    return this.session?.kernel ?? null;
  }

  async start(path: string, kernelName: string): Promise<void> {
    this.session = await this.services.sessions.startNew({ path, type: 'notebook', name: path.split('/').pop() ?? path, kernel: { name: kernelName } });
  }

  async change(kernelName: string): Promise<void> {
    await this.session?.changeKernel({ name: kernelName });
  }

  async execute(cell: CellModel, sink: ExecutionSink): Promise<string> {
    const kernel = this.kernel;
    if (!kernel) throw new Error('no kernel is running');
    let clearPending = false;
    // From when the kernel begins the cell (execute_input), not from when it was queued behind others.
    let started = performance.now();
    cell.outputs = [];
    sink.output('all');
    sink.started();
    const future = kernel.requestExecute({ code: cell.source, stop_on_error: true, store_history: true, allow_stdin: true }, true, { cellId: cell.id });
    const add = (output: nbformat.IOutput) => {
      if (clearPending) {
        cell.outputs = [];
        clearPending = false;
        sink.output('all');
      }
      const last = cell.outputs[cell.outputs.length - 1];
      if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
        last.text = appendStreamText(String(last.text), String(output.text));
        sink.output('last');
        return;
      }
      if (output.output_type === 'stream') output.text = appendStreamText('', String(output.text));
      cell.outputs.push(output);
      sink.output('append');
    };
    future.onIOPub = (msg: KernelMessage.IIOPubMessage) => {
      const content = msg.content as Record<string, unknown>;
      switch (msg.header.msg_type) {
        case 'execute_input':
          started = performance.now();
          cell.executionCount = (content.execution_count as number) ?? null;
          break;
        case 'stream':
          add({ output_type: 'stream', name: content.name as string, text: content.text as string });
          break;
        case 'error':
          add({ output_type: 'error', ename: content.ename as string, evalue: content.evalue as string, traceback: content.traceback as string[] });
          break;
        case 'execute_result':
          add({ output_type: 'execute_result', data: content.data as nbformat.IMimeBundle, metadata: (content.metadata ?? {}) as nbformat.OutputMetadata, execution_count: content.execution_count as number });
          break;
        case 'display_data': {
          const output: nbformat.IDisplayData = { output_type: 'display_data', data: content.data as nbformat.IMimeBundle, metadata: (content.metadata ?? {}) as nbformat.OutputMetadata };
          const displayId = (content.transient as { display_id?: string } | undefined)?.display_id;
          if (displayId) {
            displayOf.set(output, displayId);
            const set = this.displays.get(displayId) ?? new Set();
            set.add({ cell, sink });
            this.displays.set(displayId, set);
          }
          add(output);
          break;
        }
        case 'update_display_data':
          this.updateDisplay(content);
          break;
        case 'clear_output':
          if (content.wait) clearPending = true;
          else {
            cell.outputs = [];
            sink.output('all');
          }
          break;
      }
    };
    future.onStdin = (msg: KernelMessage.IStdinMessage) => {
      if (msg.header.msg_type !== 'input_request') return;
      const request = msg.content as KernelMessage.IInputRequestMsg['content'];
      sink.stdin(request.prompt, request.password, (value) => kernel.sendInputReply({ status: 'ok', value }, msg.header as KernelMessage.IHeader<'input_request'>));
    };
    const reply = await future.done;
    const content = reply.content as { status: string; execution_count?: number };
    if (typeof content.execution_count === 'number') cell.executionCount = content.execution_count;
    sink.finished(content.status, performance.now() - started);
    return content.status;
  }

  private updateDisplay(content: Record<string, unknown>): void {
    const displayId = (content.transient as { display_id?: string } | undefined)?.display_id;
    if (!displayId) return;
    for (const { cell, sink } of this.displays.get(displayId) ?? []) {
      let changed = false;
      for (const output of cell.outputs) {
        if (displayOf.get(output) === displayId) {
          output.data = content.data as nbformat.IMimeBundle;
          output.metadata = (content.metadata ?? {}) as nbformat.OutputMetadata;
          changed = true;
        }
      }
      if (changed) sink.output('all');
    }
  }

  async complete(code: string, cursor: number): Promise<{ start: number; end: number; matches: string[] } | null> {
    const kernel = this.kernel;
    if (!kernel) return null;
    const reply = await kernel.requestComplete({ code, cursor_pos: cursor });
    const c = reply.content;
    if (c.status !== 'ok') return null;
    // Kernels count in code points; CodeMirror counts UTF-16 units.
    const toUtf16 = (points: number) => [...code].slice(0, points).join('').length;
    return { start: toUtf16(c.cursor_start), end: toUtf16(c.cursor_end), matches: c.matches };
  }

  async inspect(code: string, cursor: number): Promise<string | null> {
    const kernel = this.kernel;
    if (!kernel) return null;
    const reply = await kernel.requestInspect({ code, cursor_pos: cursor, detail_level: 0 });
    const c = reply.content;
    if (c.status !== 'ok' || !c.found) return null;
    const data = c.data as Record<string, unknown>;
    const text = data['text/plain'];
    return typeof text === 'string' ? text : Array.isArray(text) ? text.join('') : null;
  }

  dispose(): void {
    this.session?.dispose();
  }
}
