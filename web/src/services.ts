import { ContentsManager, KernelManager, KernelSpecManager, SessionManager, ServerConnection } from '@jupyterlab/services';

/** The managers the UI uses: every call goes through JupyterLab's own client library. */
export interface Services {
  settings: ServerConnection.ISettings;
  contents: ContentsManager;
  kernelspecs: KernelSpecManager;
  kernels: KernelManager;
  sessions: SessionManager;
}

export function createServices(settings: ServerConnection.ISettings): Services {
  const kernels = new KernelManager({ serverSettings: settings });
  return {
    settings,
    contents: new ContentsManager({ serverSettings: settings }),
    kernelspecs: new KernelSpecManager({ serverSettings: settings }),
    kernels,
    sessions: new SessionManager({ serverSettings: settings, kernelManager: kernels }),
  };
}

export async function kernelSpecChoices(services: Services): Promise<{ value: string; label: string }[]> {
  await services.kernelspecs.ready;
  const specs = services.kernelspecs.specs;
  return Object.values(specs?.kernelspecs ?? {})
    .filter((s): s is NonNullable<typeof s> => s !== undefined)
    .map((s) => ({ value: s.name, label: s.display_name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export async function defaultKernel(services: Services): Promise<string> {
  await services.kernelspecs.ready;
  return services.kernelspecs.specs?.default ?? 'python3';
}
