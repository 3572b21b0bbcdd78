/**
 * The shell of HashShare's standalone HTML reports (the simulator's report.html and analyze's): one page, inline SVG,
 * no script, no network — the head with its style sheet, the title and subtitle, the page's own body, and the links to
 * the data files. Each report supplies only its body (and, if it needs them, a few extra style rules).
 */

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The style rules every report shares. */
const BASE_STYLE = `body { font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; color: #222; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; } p.sub { color: #666; margin-top: 0; }
p.note, li { color: #444; font-size: 0.9rem; margin: 0.3rem 0; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { padding: 0.25rem 0.6rem; text-align: right; border-bottom: 1px solid #eee; vertical-align: top; }
th:first-child { text-align: left; } thead th { border-bottom: 2px solid #ccc; }
svg { max-width: 100%; height: auto; }`;

/** A report page. */
export interface HtmlPageInput {
  /** the page's title and heading (plain text) */
  title: string;
  /** the line under the heading (plain text) */
  subtitle: string;
  /** the page's content, already HTML */
  body: string;
  /** links to the report's files, href and label (plain text), shown at the foot */
  links: ReadonlyArray<readonly [string, string]>;
  /** the page's width, CSS pixels (default 880) */
  maxWidthPx?: number;
  /** extra style rules */
  style?: string;
}

/** The links at the foot of a page, separated by middle dots. */
export function linkLine(links: ReadonlyArray<readonly [string, string]>): string {
  return links.map(([href, label]) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`).join(" · ");
}

/** A whole standalone HTML page. */
export function htmlPage(input: HtmlPageInput): string {
  const style = [BASE_STYLE, `body { max-width: ${input.maxWidthPx ?? 880}px; }`, input.style ?? ""]
    .filter((rule) => rule !== "")
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.title)}</title>
<style>
${style}
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p class="sub">${escapeHtml(input.subtitle)}</p>
${input.body}
<p>${linkLine(input.links)}</p>
</body>
</html>
`;
}
