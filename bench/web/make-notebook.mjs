// Writes the benchmark notebook: 500 cells (every 5th markdown with math), code cells with stream outputs, every
// 10th with a PNG and an HTML table; about 5 MB of outputs in all. Usage: node make-notebook.mjs OUT.ipynb
import { writeFileSync } from 'node:fs';

const out = process.argv[2];
const cells = [];
let outputBytes = 0;
// A deterministic pseudo-random PNG-sized base64 blob (the browser decodes it only when the image is near the view).
const pngHeader = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
for (let i = 0; i < 500; i++) {
  if (i % 5 === 0) {
    cells.push({ cell_type: 'markdown', id: `md${i}`, metadata: {}, source: `## Section ${i}\nSome *text* with math $x_${i}^2 + y = \\sqrt{${i}}$ and a list:\n- one\n- two` });
    continue;
  }
  const lines = [];
  for (let l = 0; l < 150; l++) lines.push(`step ${i}.${l}: loss=${(Math.sin(i * l) + 1).toFixed(6)} acc=${(Math.cos(i + l) / 2 + 0.5).toFixed(6)}`);
  const text = `${lines.join('\n')}\n`;
  const outputs = [{ output_type: 'stream', name: 'stdout', text }];
  outputBytes += text.length;
  if (i % 10 === 1) {
    const png = pngHeader + 'A'.repeat(60_000);
    const html = `<table><tr><th>k</th><th>v</th></tr>${Array.from({ length: 20 }, (_, r) => `<tr><td>${r}</td><td>${r * i}</td></tr>`).join('')}</table>`;
    outputs.push({ output_type: 'display_data', metadata: {}, data: { 'image/png': png, 'text/plain': '<Figure>' } });
    outputs.push({ output_type: 'execute_result', execution_count: i, metadata: {}, data: { 'text/html': html, 'text/plain': 'table' } });
    outputBytes += png.length + html.length;
  }
  cells.push({ cell_type: 'code', id: `c${i}`, metadata: { trusted: true }, execution_count: i, source: `import numpy as np\nfor step in range(120):\n    loss = train(model, batch=${i})\n    print(f"step {step}: {loss}")`, outputs });
}
const notebook = { cells, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 };
const json = JSON.stringify(notebook, null, 1);
writeFileSync(out, json);
process.stderr.write(`${out}: ${cells.length} cells, ${(outputBytes / 1e6).toFixed(2)} MB of outputs, ${(json.length / 1e6).toFixed(2)} MB file\n`);
