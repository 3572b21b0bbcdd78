/**
 * The dashboard's HTTP server (Hono on Node): read-only pages and a JSON API over the projection, and a
 * server-sent-events stream that tells open pages when the index moves. Binds to 127.0.0.1 unless told otherwise.
 * Every parameter is validated: a malformed address is a 400 with a one-line message, never a 500.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { serve, type ServerType } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { streamSSE } from "hono/streaming";

import { parseAddress } from "../cli/address.js";
import { isUserError } from "../cli/errors.js";
import { BodyCache } from "./cache.js";
import { investorView } from "./investor.js";
import { operatorView } from "./operator.js";
import { page } from "./page.js";
import type { DashboardService } from "./service.js";
import { statementCsv } from "./statement.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = path.join(HERE, "public");
const MODULES = path.resolve(HERE, "..", "..", "node_modules");

/** Memory the cached JSON bodies may take: the investor views of a few thousand holders. */
const CACHE_BYTES = 96 * 1024 * 1024;

/** Files served under /static/: the page's script and style, and the chart libraries. */
function staticFiles(): Map<string, { body: Buffer; type: string }> {
  const js = "text/javascript; charset=utf-8";
  const files: Array<[string, string, string]> = [
    ["app.js", path.join(PUBLIC, "app.js"), js],
    ["app.css", path.join(PUBLIC, "app.css"), "text/css; charset=utf-8"],
    ["vega.min.js", path.join(MODULES, "vega", "build", "vega.min.js"), js],
    ["vega-lite.min.js", path.join(MODULES, "vega-lite", "build", "vega-lite.min.js"), js],
    ["vega-embed.min.js", path.join(MODULES, "vega-embed", "build", "vega-embed.min.js"), js],
  ];
  return new Map(files.map(([name, file, type]) => [name, { body: readFileSync(file), type }]));
}

/** A holder address from the URL, or a 400 naming what is wrong with it. */
function holderOf(c: Context): { address: string } | { error: string } {
  const raw = c.req.param("address") ?? "";
  try {
    return { address: parseAddress(decodeURIComponent(raw), "address") };
  } catch (error) {
    if (isUserError(error)) return { error: error.message };
    return { error: `address "${raw}" is not valid` };
  }
}

export function createApp(service: DashboardService): Hono {
  const app = new Hono();
  const files = staticFiles();
  const pauseBound = service.options.maxPauseDuration;
  // The views of the current projection, per page (a holder's view is asked for again on every live update).
  const cache = new BodyCache(CACHE_BYTES);
  const cached = (key: string, build: () => unknown): string =>
    cache.get(key, `${service.state.version}:${service.indexer.status.indexed}`, () => JSON.stringify(build()));
  const json = (c: Context, body: string, status: 200 | 400 = 200) =>
    c.body(body, status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // vega compiles its expressions with Function(): it needs 'unsafe-eval', nothing else does.
        scriptSrc: ["'self'", "'unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
      },
    }),
  );
  // Read-only: nothing but GET and HEAD.
  app.use(async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      return c.json({ error: `${c.req.method} is not allowed: the dashboard is read-only` }, 405);
    }
    await next();
  });

  app.get("/", (c) => c.redirect("/operator"));
  app.get("/operator", (c) => c.html(page("operator", service.state.facts)));
  app.get("/investor", (c) => c.html(page("investor", service.state.facts)));
  app.get("/investor/:address", (c) => c.html(page("investor", service.state.facts)));

  app.get("/api/status", (c) => c.json(service.live()));
  app.get("/api/operator", (c) =>
    json(
      c,
      cached("operator", () => operatorView(service.viewContext(), { maxPauseDuration: pauseBound })),
    ),
  );
  app.get("/api/investor/:address", (c) => {
    const holder = holderOf(c);
    if ("error" in holder) return json(c, JSON.stringify({ error: holder.error }), 400);
    return json(
      c,
      cached(`investor:${holder.address}`, () => investorView(service.viewContext(), holder.address)),
    );
  });
  app.get("/api/investor/:address/statement.csv", (c) => {
    const holder = holderOf(c);
    if ("error" in holder) return json(c, JSON.stringify({ error: holder.error }), 400);
    return c.body(statementCsv(service.viewContext(), holder.address), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statement-${holder.address}.csv"`,
    });
  });
  app.get("/api/live", (c) =>
    streamSSE(c, async (stream) => {
      const send = (update: unknown) => void stream.writeSSE({ event: "update", data: JSON.stringify(update) });
      service.on("update", send);
      stream.onAbort(() => {
        service.off("update", send);
      });
      send(service.live());
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(15_000);
        await stream.writeSSE({ event: "ping", data: "" });
      }
      service.off("update", send);
    }),
  );
  app.get("/static/:file", (c) => {
    const file = files.get(c.req.param("file"));
    if (file === undefined) return c.json({ error: `no such file: /static/${c.req.param("file")}` }, 404);
    return c.body(new Uint8Array(file.body), 200, { "content-type": file.type, "cache-control": "max-age=300" });
  });

  app.notFound((c) => c.json({ error: `no such page: ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (isUserError(error)) return c.json({ error: error.message }, 400);
    console.error(`dashboard: ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.json({ error: "internal error (see the dashboard's log)" }, 500);
  });
  return app;
}

/** Starts the HTTP server on `host:port` (port 0 picks a free one); resolves with the URL it listens on. */
export async function listen(
  app: Hono,
  host: string,
  port: number,
): Promise<{ url: string; server: ServerType; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      const shown = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once("error", reject);
  });
}
