// A small static server for the built app (browser tests and benchmarks). `vite preview` would do,
// but it pulls in the whole Vite server and cannot serve two roots; this is 60 lines with no deps.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // the MapLibre worker is an ES module: it must be served as JavaScript
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export type StaticServer = { url: string; close(): Promise<void> };

export type StaticServerOptions = {
  root: string; // directory to serve
  mounts?: Record<string, string>; // extra directories by URL prefix, e.g. { '/bare/': 'scripts/bench/bare-map' }
  spaFallback?: boolean; // unknown paths without an extension get root/index.html (client-side routes)
  port?: number; // 0 (default): any free port
};

async function fileAt(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // not there
  }
  return null;
}

/** Resolves `urlPath` inside `dir`, refusing anything that climbs out of it. */
function inside(dir: string, urlPath: string): string | null {
  const full = normalize(join(dir, decodeURIComponent(urlPath)));
  return full === dir || full.startsWith(dir + sep) ? full : null;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    const [dir, rest] = mount ? [mount[1], pathname.slice(mount[0].length)] : [root, pathname];
    const candidate = inside(dir, rest);
    let file = candidate ? await fileAt(candidate) : null;
    if (!file && !mount && options.spaFallback !== false && extname(pathname) === '') file = join(root, 'index.html');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': (await stat(file)).size, // as any static host sends it (the local source reads it)
      'cache-control': 'no-store', // every test and benchmark run starts cold
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
