import type { Contents } from '@jupyterlab/services';
import type { Services } from '../services';

// As JupyterLab's file browser: files over 1 MiB go up in 1 MiB base64 chunks (chunk 1, 2, …, -1 for the last), so a
// large upload neither hits the request size limit nor shows no progress.
const CHUNK = 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadFile(services: Services, directory: string, file: File, progress: (fraction: number) => void): Promise<Contents.IModel> {
  const path = directory ? `${directory}/${file.name}` : file.name;
  if (file.size <= CHUNK) {
    const content = toBase64(new Uint8Array(await file.arrayBuffer()));
    progress(1);
    return services.contents.save(path, { type: 'file', format: 'base64', name: file.name, content });
  }
  let model: Contents.IModel | undefined;
  const chunks = Math.ceil(file.size / CHUNK);
  for (let index = 0; index < chunks; index++) {
    const slice = new Uint8Array(await file.slice(index * CHUNK, (index + 1) * CHUNK).arrayBuffer());
    const chunk = index === chunks - 1 ? -1 : index + 1;
    model = await services.contents.save(path, { type: 'file', format: 'base64', name: file.name, content: toBase64(slice), chunk });
    progress((index + 1) / chunks);
  }
  return model!;
}
