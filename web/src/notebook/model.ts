import type * as nbformat from '@jupyterlab/nbformat';

export type CellType = 'code' | 'markdown' | 'raw';

/** One cell as the editor holds it; fields it does not model (attachments, unknown keys) ride along in `extra`. */
export interface CellModel {
  id: string;
  type: CellType;
  source: string;
  metadata: Record<string, unknown>;
  outputs: nbformat.IOutput[];
  executionCount: number | null;
  extra: Record<string, unknown>;
}

export interface NotebookModel {
  cells: CellModel[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformatMinor: number;
}

export function newCellId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 8);
}

export function newCell(type: CellType, source = ''): CellModel {
  return { id: newCellId(), type, source, metadata: {}, outputs: [], executionCount: null, extra: {} };
}

const join = (value: unknown): string => (Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '');

export function fromJson(content: nbformat.INotebookContent): NotebookModel {
  const cells = (content.cells ?? []).map((raw): CellModel => {
    const { cell_type, source, metadata, outputs, execution_count, id, ...extra } = raw as unknown as Record<string, unknown>;
    return {
      id: typeof id === 'string' && id ? id : newCellId(),
      type: (cell_type === 'markdown' || cell_type === 'raw' ? cell_type : 'code') as CellType,
      source: join(source),
      metadata: (metadata as Record<string, unknown>) ?? {},
      outputs: (outputs as nbformat.IOutput[]) ?? [],
      executionCount: (execution_count as number | null) ?? null,
      extra,
    };
  });
  return { cells, metadata: (content.metadata as Record<string, unknown>) ?? {}, nbformat: content.nbformat ?? 4, nbformatMinor: Math.max(content.nbformat_minor ?? 5, 5) };
}

export function toJson(model: NotebookModel): nbformat.INotebookContent {
  const cells = model.cells.map((cell) => {
    const base: Record<string, unknown> = { ...cell.extra, id: cell.id, cell_type: cell.type, metadata: cell.metadata, source: cell.source };
    if (cell.type === 'code') {
      base.outputs = cell.outputs;
      base.execution_count = cell.executionCount;
    }
    return base;
  });
  return { cells, metadata: model.metadata, nbformat: model.nbformat, nbformat_minor: model.nbformatMinor } as unknown as nbformat.INotebookContent;
}

/** As the server marks them: a notebook is trusted when every code cell says so. */
export function isTrusted(model: NotebookModel): boolean {
  return model.cells.every((c) => c.type !== 'code' || c.outputs.length === 0 || c.metadata.trusted === true);
}

export function kernelLanguage(model: NotebookModel): string {
  const info = model.metadata.language_info as { name?: string } | undefined;
  const spec = model.metadata.kernelspec as { language?: string; name?: string } | undefined;
  return info?.name || spec?.language || (spec?.name === 'csharp' ? 'csharp' : 'python');
}

export function tagsOf(cell: CellModel): string[] {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

export function setTags(cell: CellModel, tags: string[]): void {
  if (tags.length === 0) delete cell.metadata.tags;
  else cell.metadata.tags = tags;
}
