/**
 * The report chart: the panels of `chart-panels.ts` stacked under one title, compiled by vega-lite and rendered to
 * SVG by vega without a browser (the "none" renderer: no canvas, no network).
 */
import * as vega from "vega";
import * as vl from "vega-lite";

import { bandPanels } from "./chart-bands.js";
import { capacityPanel, marketPanel, revenuePanel, type ChartInput } from "./chart-panels.js";
import { policyPanel } from "./chart-policies.js";

export { type ChartInput } from "./chart-panels.js";
export { coincidingPolicies, policyPanelSubtitle } from "./chart-policies.js";

/** The Vega-Lite specification of the report chart. */
export function chartSpec(input: ChartInput): vl.TopLevelSpec {
  // "Heading — details": the details go to a subtitle line. Without a canvas, vega sizes text by an estimate
  // (≈ 0.8 em a character), so one long title line would leave a wide empty margin on the right.
  const [heading = "", ...details] = input.title.split(" — ");

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: heading,
      ...(details.length === 0 ? {} : { subtitle: details.join(" — "), subtitleFontSize: 13, subtitleColor: "#444" }),
      anchor: "start",
      fontSize: 18,
      offset: 16,
    },
    background: "white",
    padding: 12,
    spacing: 34,
    config: {
      font: "Helvetica, Arial, sans-serif",
      view: { stroke: null },
      axis: { grid: true, gridOpacity: 0.4, labelColor: "#444", titleColor: "#444", titleFontWeight: "normal" },
      axisLeft: { minExtent: 46 },
      legend: { labelFontSize: 11, symbolSize: 90 },
    },
    resolve: { scale: { color: "independent" } },
    vconcat: [
      revenuePanel(input.rows),
      ...bandPanels(input.bands, input.rows.length),
      capacityPanel(input.rows),
      policyPanel(input),
      marketPanel(input.rows),
    ],
  };
}

/** Renders a Vega-Lite spec to SVG (no browser, no canvas: the "none" renderer). */
export async function renderSvg(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
