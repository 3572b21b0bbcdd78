/**
 * The report chart's policy panel: the three allocation policies' cumulative payouts per 1,000 starting shares (1 TH/s
 * of the fleet mining on day 0 each, the same shares for every policy: report.ts `startingSupply`) on the same
 * price path (a model projection past a short run, its run shaded), their totals as bars, and the subtitle that says
 * which lines coincide.
 */
import { POLICY_NAMES, type PolicyName } from "../model/index.js";
import { formatNumber } from "../cli/amount.js";
import { AI_COLOR, dateAxis, MINING_COLOR, panelTitle, WIDTH, type ChartInput, type Panel } from "./chart-panels.js";
import { listLabels, POLICY_LABEL } from "./labels.js";
import { horizonLabel } from "./policy-comparison.js";

/** The groups (two or more) of policies that paid exactly the same each day: their lines coincide. */
export function coincidingPolicies(paths: ChartInput["paths"]): PolicyName[][] {
  const same = (a: PolicyName, b: PolicyName): boolean =>
    paths[a].length === paths[b].length &&
    paths[a].every((point, i) => point.cumulativeUsdPerShare === paths[b][i]!.cumulativeUsdPerShare);
  const groups: PolicyName[][] = [];
  for (const policy of POLICY_NAMES) {
    const group = groups.find((g) => same(g[0]!, policy));
    if (group === undefined) groups.push([policy]);
    else group.push(policy);
  }
  return groups.filter((group) => group.length > 1);
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The third panel's title lines: what the lines are, and over which days. */
export function policyPanelSubtitle(input: ChartInput): string[] {
  const horizon = input.paths[POLICY_NAMES[0]!].length;
  const runDays = input.rows.length;
  const lines: string[] = [];
  if (horizon > runDays) {
    lines.push(
      `Model projection over ${horizonLabel(horizon)} on the same price path; the first ${formatNumber(runDays)} ` +
        `days (shaded) are the on-chain run`,
    );
  }
  const span = horizon > runDays ? "projection" : "run";
  const highlighted =
    input.policy === undefined ? "" : `; the run's own policy (${POLICY_LABEL[input.policy]}) in a thick line`;
  const groups = coincidingPolicies(input.paths);
  if (groups[0]?.length === POLICY_NAMES.length) {
    lines.push(`All three policies paid the same each day of this ${span}, so their lines and bars coincide`);
  } else {
    lines.push(`USD, cumulative${highlighted}`);
    for (const group of groups) {
      lines.push(`${capitalize(listLabels(group))} paid the same each day, so their lines coincide`);
    }
  }
  return lines;
}

/** The policies' cumulative payouts per 1,000 starting shares on the same price path, and their totals as bars. */
export function policyPanel(input: ChartInput): Panel {
  const policies = POLICY_NAMES.flatMap((policy) =>
    input.paths[policy].map((point) => ({
      date: point.date,
      policy: POLICY_LABEL[policy],
      usd: point.cumulativeUsdPerShare * 1000,
      highlighted: policy === input.policy,
    })),
  );
  const finals = POLICY_NAMES.map((policy) => ({
    policy: POLICY_LABEL[policy],
    usd: (input.paths[policy].at(-1)?.cumulativeUsdPerShare ?? 0) * 1000,
    highlighted: policy === input.policy,
  }));
  const policyColor = {
    field: "policy",
    type: "nominal",
    title: null,
    scale: { domain: POLICY_NAMES.map((p) => POLICY_LABEL[p]), range: [MINING_COLOR, AI_COLOR, "#2ca02c"] },
  } as const;
  // A projection past the chain run: shade the run's days and rule where it ends.
  const horizon = input.paths[POLICY_NAMES[0]!].length;
  const runEnd = input.rows.at(-1)?.date;
  const projected = horizon > input.rows.length && runEnd !== undefined;
  const runSpan = projected ? [{ start: input.rows[0]!.date, end: runEnd, label: "on-chain run ends" }] : [];
  return {
    title: panelTitle(
      "Revenue per 1,000 starting shares by allocation policy, on the same price path",
      policyPanelSubtitle(input),
    ),
    spacing: 24,
    hconcat: [
      {
        width: WIDTH - 256,
        height: 190,
        layer: [
          ...(projected
            ? [
                {
                  data: { values: runSpan },
                  mark: { type: "rect" as const, color: "#eee" },
                  encoding: { x: { field: "start", type: "temporal" as const }, x2: { field: "end" } },
                },
                {
                  data: { values: runSpan },
                  mark: { type: "rule" as const, color: "#888", strokeDash: [2, 2] },
                  encoding: { x: { field: "end", type: "temporal" as const } },
                },
                {
                  data: { values: runSpan },
                  mark: {
                    type: "text" as const,
                    align: "left" as const,
                    baseline: "bottom" as const,
                    dx: 4,
                    y: 190,
                    dy: -4,
                    fontSize: 10,
                    color: "#666",
                  },
                  encoding: { x: { field: "end", type: "temporal" as const }, text: { field: "label" } },
                },
              ]
            : []),
          // The run's own policy first, in a thick line, then the others dashed on top: a policy that pays the
          // same shows as dashes on the thick line instead of vanishing under it.
          ...[true, false].map((highlighted) => ({
            data: { values: policies.filter((point) => point.highlighted === highlighted) },
            mark: {
              type: "line" as const,
              interpolate: "monotone" as const,
              strokeWidth: highlighted ? 3 : 1.5,
              ...(highlighted ? {} : { strokeDash: [5, 3] }),
            },
            encoding: {
              x: dateAxis(horizon),
              y: { field: "usd", type: "quantitative" as const, title: "USD / 1,000 starting shares" },
              color: {
                ...policyColor,
                legend: {
                  orient: "top-left" as const,
                  direction: "vertical" as const,
                  fillColor: "white",
                  padding: 4,
                },
              },
            },
          })),
        ],
      },
      {
        width: 166,
        height: 190,
        data: { values: finals },
        layer: [
          {
            mark: { type: "bar", cornerRadiusEnd: 2 },
            encoding: {
              x: {
                field: "policy",
                type: "nominal",
                sort: null,
                title: null,
                axis: { labelAngle: 0, grid: false },
              },
              y: {
                field: "usd",
                type: "quantitative",
                title: projected ? `total over ${horizonLabel(horizon)}` : "total over the run",
                axis: { grid: false },
              },
              color: policyColor,
              opacity: { condition: { test: "datum.highlighted", value: 1 }, value: 0.55 },
            },
          },
          {
            mark: { type: "text", dy: -7, fontSize: 11, color: "#333" },
            encoding: {
              x: { field: "policy", type: "nominal", sort: null },
              y: { field: "usd", type: "quantitative" },
              text: { field: "usd", type: "quantitative", format: ",.0f" },
            },
          },
        ],
      },
    ],
  };
}
