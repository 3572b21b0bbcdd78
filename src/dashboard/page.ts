/** The HTML shell of both views; the numbers are filled in by /static/app.js from the JSON API. */
import type { PoolFacts } from "./facts.js";

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

export function page(view: "investor" | "operator", facts: PoolFacts): string {
  const title = `${facts.pool.name} (${facts.pool.symbol}) · ${view === "investor" ? "Investor" : "Operator"}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/vega.min.js" defer></script>
<script src="/static/vega-lite.min.js" defer></script>
<script src="/static/vega-embed.min.js" defer></script>
<script src="/static/app.js" defer></script>
</head>
<body data-view="${view}">
<header>
  <strong>${escape(facts.pool.name)} (${escape(facts.pool.symbol)})</strong>
  <span class="muted">${escape(facts.network)} · chain ${escape(facts.chainId)} · pool ${escape(facts.pool.address)}</span>
  <nav><a href="/operator">Operator</a> <a href="/investor">Investor</a></nav>
</header>
<div id="banner" class="banner" data-testid="banner" hidden></div>
<div id="status" class="status muted" data-testid="status">connecting…</div>
<main id="main"></main>
</body>
</html>
`;
}
