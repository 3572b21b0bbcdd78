// The dashboard's page script: fetches the JSON API, renders with DOM nodes (never innerHTML with data), draws the
// charts with vega-lite, and re-renders when the server-sent events say the index moved.
"use strict";

const main = document.getElementById("main");
const banner = document.getElementById("banner");
const statusLine = document.getElementById("status");
const view = document.body.dataset.view;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === "testid") node.dataset.testid = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Thousands separators on every figure the page shows: "1234567.5" → "1,234,567.5". The API keeps plain decimals
// (for programs); epochs, blocks in links, addresses and ids are not quantities and stay as they are.
const grouped = (value) => {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(String(value));
  return match === null
    ? String(value)
    : `${match[1]}${match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${match[3] ?? ""}`;
};
const percent = (value) => (value === null || value === undefined ? "n/a" : `${grouped(value)} %`);
// Chart axes: grouped, trailing zeros trimmed.
const AXIS_FORMAT = ",~f";

const usd = (value) =>
  value === null || value === undefined
    ? "n/a"
    : `$${Number(value).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function card(label, value, testid) {
  return el(
    "div",
    { class: "card" },
    el("div", { class: "label" }, label),
    el("div", { class: "value", testid }, value),
  );
}

function table(headers, rows, numeric = []) {
  return el(
    "table",
    {},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headers.map((h, i) => el("th", { class: numeric.includes(i) ? "num" : null }, h)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        el(
          "tr",
          { testid: row.testid },
          row.cells.map((cell, i) => el("td", { class: numeric.includes(i) ? "num" : null }, cell)),
        ),
      ),
    ),
  );
}

async function chart(container, spec) {
  if (typeof vegaEmbed !== "function") return;
  try {
    await vegaEmbed(container, spec, { actions: false, renderer: "svg" });
  } catch (error) {
    container.textContent = `chart unavailable: ${error.message}`;
  }
}

function investorAddress() {
  const parts = location.pathname.split("/").filter(Boolean);
  return parts.length >= 2 ? decodeURIComponent(parts[1]) : "";
}

function addressForm(value) {
  const input = el("input", { name: "address", placeholder: "0x… holder address", value, testid: "address-input" });
  const form = el("form", { testid: "address-form" }, input, " ", el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.href = `/investor/${encodeURIComponent(input.value.trim())}`;
  });
  return el("section", {}, form);
}

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.error || `HTTP ${response.status}`), { user: true });
  return body;
}

async function renderInvestor() {
  const address = investorAddress();
  const nodes = [addressForm(address)];
  if (address === "") {
    main.replaceChildren(...nodes, el("p", { class: "muted" }, "Enter an address to see its shares and revenue."));
    return;
  }
  let v;
  try {
    v = await getJson(`/api/investor/${encodeURIComponent(address)}`);
  } catch (error) {
    main.replaceChildren(...nodes, el("div", { class: "error", testid: "error" }, error.message));
    return;
  }
  const cards = el(
    "div",
    { class: "cards" },
    card("Shares", `${grouped(v.shares)} ${v.symbol}`, "shares"),
    card("Share of the pool", percent(v.sharePercent), "share-percent"),
    card("Claimable now (USD)", usd(v.claimableUsd), "claimable-usd"),
    card("Received (BTC)", grouped(v.receivedBtc), "received-btc"),
    card("Received (USD at the time)", usd(v.receivedUsd), "received-usd"),
    card("Claimer", v.claimer === null ? "none (claims itself)" : v.claimer, "claimer"),
  );
  const claimable = el(
    "section",
    {},
    el("h2", {}, "Claimable now, by token and source"),
    table(
      ["token", "claimable", "USD", "mining", "AI", "accrued (lifetime)", "claimed"],
      v.claimable.map((c) => ({
        testid: `claimable-${c.symbol}`,
        cells: [
          c.symbol,
          el("span", { testid: `claimable-${c.symbol}-amount` }, grouped(c.amount)),
          usd(c.usd),
          el("span", { testid: `claimable-${c.symbol}-mining` }, grouped(c.bySource.mining.amount)),
          el("span", { testid: `claimable-${c.symbol}-ai` }, grouped(c.bySource.ai.amount)),
          grouped(c.accrued),
          grouped(c.claimed),
        ],
      })),
      [1, 2, 3, 4, 5, 6],
    ),
  );
  const sale = el(
    "section",
    {},
    el("h2", {}, "Shares bought in the sale"),
    el(
      "div",
      { class: "cards" },
      card("Bought", `${grouped(v.sale.shares)} ${v.symbol}`, "sale-shares"),
      card("Cost", `${grouped(v.sale.cost)} ${v.sale.costSymbol}`, "sale-cost"),
      card("Return to date", percent(v.sale.returnPercent), "sale-return"),
      card("Annualized", percent(v.sale.annualizedPercent), "sale-annual"),
    ),
  );
  const chartBox = el("div", { testid: "received-chart" });
  const history = el(
    "section",
    {},
    el("h2", {}, "Received over time"),
    chartBox,
    el(
      "p",
      {},
      el(
        "a",
        { href: `/api/investor/${v.address}/statement.csv`, testid: "statement-link" },
        "Download the statement (CSV)",
      ),
      el("span", { class: "muted" }, ` · USD prices: ${v.pricesSource}`),
    ),
  );
  main.replaceChildren(...nodes, el("h2", { testid: "investor-address" }, v.address), cards, claimable, sale, history);
  const values = v.received.map((r) => ({
    date: new Date(r.timestamp * 1000).toISOString(),
    btc: r.cumulativeBtc,
    usd: r.cumulativeUsd,
  }));
  const line = (field, title, color) => ({
    mark: { type: "line", interpolate: "step-after", color, point: true },
    encoding: {
      x: { field: "date", type: "temporal", title: null },
      y: { field, type: "quantitative", title, axis: { titleColor: color, format: AXIS_FORMAT } },
    },
  });
  await chart(chartBox, {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container",
    height: 240,
    data: { values },
    layer: [
      line("btc", "BTC received (cumulative)", "#e8890c"),
      line("usd", "USD at the time (cumulative)", "#1f6fd1"),
    ],
    resolve: { scale: { y: "independent" } },
  });
}

async function renderOperator() {
  const v = await getJson("/api/operator");
  const cards = el(
    "div",
    { class: "cards" },
    card("Total supply", `${grouped(v.supply)} ${v.symbol}`, "supply"),
    card("Backing", `${grouped(v.backing)} ${v.symbol}`, "backing"),
    card(
      "Latest report",
      v.latestReport === null ? "none" : `${grouped(v.latestReport.hashrateTHs)} TH/s (epoch ${v.latestReport.epoch})`,
      "latest-report",
    ),
    card("Holders", grouped(v.holders.count), "holders-count"),
    card("Top 10 hold", percent(v.holders.top10Percent), "top10"),
    card(
      "Paused",
      v.pause.paused ? `yes${v.pause.pausedUntil ? ` until ${v.pause.pausedUntil}` : ""}` : "no",
      "paused",
    ),
  );
  const chartBox = el("div", { testid: "supply-chart" });
  const deposits = el(
    "section",
    {},
    el("h2", {}, "Deposits per epoch and source"),
    el(
      "div",
      { class: "scroll" },
      table(
        ["epoch", "date", "source", "token", "amount", "USD"],
        v.deposits.map((d) => ({
          testid: `deposit-${d.symbol}-${d.epoch}`,
          cells: [d.epoch, d.date, d.source, d.symbol, grouped(d.amount), usd(d.usd)],
        })),
        [4, 5],
      ),
    ),
  );
  const reports = el(
    "section",
    {},
    el("h2", {}, "Oracle reports per epoch"),
    el(
      "div",
      { class: "scroll" },
      table(
        ["epoch", "reported at", "submissions (reporter: TH/s)", "finalized TH/s"],
        v.reports.map((r) => ({
          testid: `report-${r.epoch}`,
          cells: [
            r.epoch,
            r.date,
            r.submissions.map((s) => `${s.reporter}: ${grouped(s.hashrateTHs)}`).join("; "),
            r.finalizedTHs === null ? "pending" : grouped(r.finalizedTHs),
          ],
        })),
        [3],
      ),
    ),
  );
  const s = v.sale;
  const sale = el(
    "section",
    {},
    el("h2", {}, "Sale"),
    el(
      "div",
      { class: "cards" },
      card("State", `${s.state} (${s.start} – ${s.end})`, "sale-state"),
      card("Sold", `${grouped(s.sold)} ${v.symbol}`, "sale-sold"),
      card("Proceeds", `${grouped(s.proceeds)} ${s.paymentSymbol}`, "sale-proceeds"),
      card("Buyers", grouped(s.buyers), "sale-buyers"),
      card("Price", `${grouped(s.price)} ${s.paymentSymbol} per share`, "sale-price"),
    ),
  );
  const holders = el(
    "section",
    {},
    el("h2", {}, `Largest holders (HHI ${grouped(v.holders.hhi)})`),
    table(
      ["holder", "shares", "%"],
      v.holders.top.map((h) => ({
        cells: [el("a", { href: `/investor/${h.address}` }, h.address), grouped(h.shares), grouped(h.percent)],
      })),
      [1, 2],
    ),
  );
  const roles = el(
    "section",
    {},
    el("h2", {}, "Roles"),
    table(
      ["contract", "role", "holders"],
      v.roles.map((r) => ({
        testid: `role-${r.contract}-${r.role}`,
        cells: [
          r.contract,
          r.role,
          r.holders.map((h) => (h.label ? `${h.address} (${h.label})` : h.address)).join(", ") || "(none)",
        ],
      })),
    ),
  );
  const timelock = el(
    "section",
    {},
    el("h2", {}, "Timelock operations"),
    v.timelock.length === 0
      ? el("p", { class: "muted", testid: "timelock-empty" }, "No timelock operation scheduled.")
      : table(
          ["id", "state", "scheduled", "executable from", "calls"],
          v.timelock.map((t) => ({
            testid: `timelock-${t.id}`,
            cells: [
              t.id.slice(0, 10) + "…",
              el("span", { testid: `timelock-${t.id}-state` }, t.state + (t.ready ? " (ready)" : "")),
              t.scheduledAt,
              el("span", { testid: `timelock-${t.id}-executable` }, t.executableAt),
              t.calls.map((c) => `${c.target}.${c.selector}`).join(", "),
            ],
          })),
        ),
  );
  const skims = el(
    "section",
    {},
    el("h2", {}, "Skims (tokens sent to the pool that no holder is owed)"),
    v.skims.length === 0
      ? el("p", { class: "muted", testid: "skims-empty" }, "Nothing skimmed.")
      : table(
          ["at", "token", "amount", "to"],
          v.skims.map((k, i) => ({
            testid: `skim-${i}`,
            cells: [k.at, k.token, el("span", { testid: `skim-${i}-amount` }, grouped(k.amount)), k.to],
          })),
          [2],
        ),
  );
  main.replaceChildren(
    cards,
    el("section", {}, el("h2", {}, "Supply against backing"), chartBox),
    reports,
    deposits,
    sale,
    holders,
    roles,
    timelock,
    skims,
    el("p", { class: "muted" }, `USD prices: ${v.pricesSource}`),
  );
  await chart(chartBox, {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container",
    height: 220,
    data: { values: v.supplyVsBacking.map((p) => ({ ...p, date: new Date(p.timestamp * 1000).toISOString() })) },
    mark: { type: "line", interpolate: "step-after" },
    encoding: {
      x: { field: "date", type: "temporal", title: null },
      y: { field: "shares", type: "quantitative", title: "shares", axis: { format: AXIS_FORMAT } },
      color: { field: "series", type: "nominal", title: null },
    },
  });
}

let shownVersion = -1;
let rendering = Promise.resolve();

function render() {
  rendering = rendering
    .then(() => (view === "investor" ? renderInvestor() : renderOperator()))
    .catch((error) => main.replaceChildren(el("div", { class: "error", testid: "error" }, error.message)));
  return rendering;
}

function showStatus(update) {
  const when =
    update.timestamp === null ? "" : ` (${new Date(update.timestamp * 1000).toISOString().replace(".000Z", "Z")})`;
  statusLine.textContent = `indexed through block ${grouped(update.indexed)}${when} · chain head ${
    update.chainHead === null ? "?" : grouped(update.chainHead)
  }`;
  statusLine.dataset.indexed = String(update.indexed);
  if (update.rpcOk) {
    banner.hidden = true;
  } else {
    banner.hidden = false;
    banner.textContent = `The chain's RPC is not answering; retrying. Figures are as of block ${grouped(update.indexed)}. (${update.error})`;
  }
}

window.addEventListener("DOMContentLoaded", () => {
  const live = new EventSource("/api/live");
  live.addEventListener("update", (event) => {
    const update = JSON.parse(event.data);
    showStatus(update);
    if (update.version !== shownVersion) {
      shownVersion = update.version;
      void render().then(() => {
        document.body.dataset.version = String(update.version);
      });
    }
  });
  live.addEventListener("error", () => {
    banner.hidden = false;
    banner.textContent = "Lost the connection to the dashboard server; reconnecting…";
  });
});
