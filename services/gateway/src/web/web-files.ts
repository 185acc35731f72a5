import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

export interface WebFile {
  type: string;
  /** `/assets/` names carry a content hash: cached for a year. Everything else is revalidated. */
  cacheControl: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

/** Where `vite build` writes the web app: <repo>/web/dist (the same depth from src/ and dist/). */
export const DEFAULT_WEB_ROOT = resolve(__dirname, '../../../../web/dist');

/**
 * The built web app, read once into memory with gzip and brotli copies made up front (the whole
 * app is a few hundred KB): every request is a map lookup, never a disk read or a compression.
 * An empty map when the app is not built (the gateway image: there nginx serves the files).
 */
export async function loadWebFiles(root: string): Promise<Map<string, WebFile>> {
  const files = new Map<string, WebFile>();
  if (!root || !existsSync(join(root, 'index.html'))) return files;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      // Not the build's own bookkeeping (.vite/manifest.json): only what the app loads.
      .filter(
        (e) =>
          e.isFile() &&
          !relative(root, e.parentPath)
            .split(sep)
            .some((part) => part.startsWith('.')),
      )
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        const urlPath = '/' + relative(root, path).split(sep).join('/');
        const ext = extname(entry.name);
        const type = TYPES[ext];
        if (!type) return;
        const body = await readFile(path);
        const file: WebFile = {
          type,
          cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          body,
        };
        if (COMPRESSIBLE.has(ext) && body.length > 1024) {
          [file.gzip, file.br] = await Promise.all([
            gzipAsync(body, { level: 9 }),
            brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          ]);
        }
        files.set(urlPath, file);
      }),
  );
  return files;
}

/** Paths the web app's fallback never answers: the API, health and docs keep their JSON 404s. */
export function isApiPath(path: string): boolean {
  return /^\/(api|health|metrics)(\/|$)/.test(path);
}
