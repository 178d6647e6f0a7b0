import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the pages, styles and scripts. */
export const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves a file of the public folder, or undefined when there is none. Paths that would
 * leave the folder are not served; `/` is the app's page.
 */
export async function serveStaticFile(pathname: string): Promise<Response | undefined> {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1);
  const path = normalize(join(publicDir, relative));
  const type = contentTypes[extname(path)];
  if (!path.startsWith(publicDir) || relative.split('/').includes('..') || !type) return undefined;

  try {
    const body = await readFile(path);

    return new Response(body, {
      headers: { 'content-type': type, 'cache-control': 'no-cache' },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return undefined;
    throw error;
  }
}
