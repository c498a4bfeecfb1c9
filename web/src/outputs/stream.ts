/**
 * Appends stream text as a terminal would: "\r" returns to the line's start (a progress bar overwrites itself),
 * "\b" steps back. As JupyterLab's outputarea does before rendering.
 */
export function appendStreamText(existing: string, incoming: string): string {
  let text = existing + incoming;
  if (!/[\r\b]/.test(incoming) && !/\r$/.test(existing)) return text;
  text = text.replace(/\r+\n/g, '\n');
  // Each line keeps what follows its last bare \r.
  text = text
    .split('\n')
    .map((line) => {
      if (!line.includes('\r')) return line;
      const parts = line.split('\r');
      let result = '';
      for (const part of parts) result = part + result.slice(part.length);
      return result;
    })
    .join('\n');
  while (/[^\n]\x08/.test(text)) text = text.replace(/[^\n]\x08/, '');
  return text.replace(/^\x08+/, '');
}
