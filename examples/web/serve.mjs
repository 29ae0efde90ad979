// A tiny static file server for the demo page, on 127.0.0.1 only. It serves files from the
// repository (the page, the built wasm package, the example plans) and nothing else: no
// server logic, no network beyond this machine.
//
//   node examples/web/serve.mjs [port]     then open http://127.0.0.1:PORT/examples/web/
//
// Port 0 (the default) picks a free one. `serve()` is exported for the browser test.
//
// Text files and the .wasm modules are sent compressed when the browser accepts it (Brotli,
// else gzip), with `Content-Encoding` and `Vary: Accept-Encoding`; each file is compressed
// once and kept in memory until it changes.
import http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8", ".tsv": "text/tab-separated-values; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".ts": "text/plain",
  ".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".csv", ".tsv", ".svg", ".ts", ".txt", ".md"]);
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const packed = new Map(); // "encoding path" -> { mtime, size, body }

/** The encoding to send: "br" or "gzip" when the request accepts it (and does not refuse it
 *  with q=0), else null. */
export function chooseEncoding(acceptEncoding = "") {
  const accepted = new Map();
  for (const part of String(acceptEncoding).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (e) => (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

async function compressed(file, info, body, encoding) {
  const key = `${encoding} ${file}`;
  const hit = packed.get(key);
  if (hit && hit.mtime === info.mtimeMs && hit.size === info.size) return hit.body;
  const out = encoding === "br"
    ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : await gzip(body, { level: 6 });
  packed.set(key, { mtime: info.mtimeMs, size: info.size, body: out });
  return out;
}

/** Serve the repository on 127.0.0.1; resolves to the running `http.Server` once listening. */
export function serve(port = 0) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end("forbidden");
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, "index.html");
        info = await stat(file);
      }
      let body = await readFile(file);
      const ext = path.extname(file);
      const encoding = COMPRESSIBLE.has(ext) && body.length > 256 ? chooseEncoding(req.headers["accept-encoding"]) : null;
      if (encoding) body = await compressed(file, info, body, encoding);
      res.writeHead(200, {
        "content-type": types[ext] ?? "application/octet-stream",
        "content-length": body.length,
        ...(encoding ? { "content-encoding": encoding } : {}),
        ...(COMPRESSIBLE.has(ext) ? { vary: "Accept-Encoding" } : {}),
        "cache-control": "no-store",
        // The page loads nothing from elsewhere; say so to the browser too.
        "content-security-policy":
          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? process.env.PORT ?? 0));
  const { port } = server.address();
  console.log(`Serving ${root} at http://127.0.0.1:${port}/examples/web/ (Ctrl-C to stop)`);
}
