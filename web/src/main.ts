import 'katex/dist/katex.min.css';
import './style.css';
import { FileBrowser } from './browser/fileBrowser';
import { forgetTokenInAddress, makeSettings, readPageConfig, routeOf } from './config';
import { NotebookView } from './notebook/notebookView';
import { createServices } from './services';
import { showTextEditor } from './textEditor';

const stored = localStorage.getItem('quire-theme');
document.documentElement.dataset.theme = stored ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

forgetTokenInAddress();
const config = readPageConfig();
const services = createServices(makeSettings(config));
const host = document.getElementById('app')!;
const route = routeOf(config);
const app = route.kind === 'notebook' ? new NotebookView(host, services, config, route.path) : null;
if (app) void app.show();
else if (route.kind === 'edit') void showTextEditor(host, services, config, route.path);
else void new FileBrowser(host, services, config, route.path).show();
// For tests and the benchmark: the page's state, read from outside.
(window as unknown as { quire: unknown }).quire = { notebook: app };
