import { expect } from "chai";

import { escapeHtml, htmlPage, linkLine } from "../../src/report/html-page.js";

describe("html-page", function () {
  describe("htmlPage", function () {
    it("wraps a body in one standalone page: escaped title and subtitle, the width, extra style, links last", function () {
      const page = htmlPage({
        title: "A & <b>",
        subtitle: 's "q"',
        body: "<p>body</p>",
        links: [["a.csv", "data <csv>"]],
        maxWidthPx: 1000,
        style: ".range { color: #888; }",
      });
      expect(page.startsWith("<!doctype html>")).to.equal(true);
      expect(page).to.include("<title>A &amp; &lt;b&gt;</title>");
      expect(page).to.include('<h1>A &amp; &lt;b&gt;</h1>\n<p class="sub">s &quot;q&quot;</p>\n<p>body</p>');
      expect(page).to.include("body { max-width: 1000px; }");
      expect(page).to.include(".range { color: #888; }");
      expect(page).to.include('<p><a href="a.csv">data &lt;csv&gt;</a></p>\n</body>');
      expect(page).to.not.match(/<script/);
    });

    it("joins links with middle dots and escapes what it is given", function () {
      expect(
        linkLine([
          ["x", "X"],
          ["y", "Y"],
        ]),
      ).to.equal('<a href="x">X</a> · <a href="y">Y</a>');
      expect(escapeHtml(`<&>"'`)).to.equal("&lt;&amp;&gt;&quot;&#39;");
    });
  });
});
