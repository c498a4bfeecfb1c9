// Small inline SVG icons: emoji depend on the system's fonts (a bare Linux has none), these do not.
const PATHS: Record<string, string> = {
  directory: 'M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z',
  notebook: 'M4 2h7.5A1.5 1.5 0 0 1 13 3.5v9a1.5 1.5 0 0 1-1.5 1.5H4zM2.5 4.5h3M2.5 8h3M2.5 11.5h3',
  file: 'M4 1.5h5l3.5 3.5v8.5a1 1 0 0 1-1 1h-7.5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM9 1.5V5h3.5',
  home: 'M2.5 7.5 8 3l5.5 4.5M4 6.5V13h3V9.5h2V13h3V6.5',
};

export function icon(name: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name] ?? PATHS.file!);
  svg.append(path);
  return svg;
}
