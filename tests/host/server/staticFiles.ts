/** Files served as they are: the built plugin (as Grafana serves plugin files) and the host page. */
import fs from 'fs';
import path from 'path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  content: Buffer;
  contentType: string;
}

/** A file under root, or undefined when it is missing or the path leaves root. */
export async function readStatic(root: string, relativePath: string): Promise<StaticFile | undefined> {
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${decodeURIComponent(relativePath)}`)}`);
  if (file !== base && !file.startsWith(`${base}${path.sep}`)) {
    return undefined;
  }
  try {
    const content = await fs.promises.readFile(file);
    return { content, contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
