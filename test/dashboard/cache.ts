import { expect } from "chai";

import { BodyCache } from "../../src/dashboard/cache.js";

describe("BodyCache", () => {
  describe("get", () => {
    it("builds a body once per version", () => {
      const cache = new BodyCache(1_000);
      let builds = 0;
      const build = () => `body ${++builds}`;
      expect(cache.get("a", "v1", build)).to.equal("body 1");
      expect(cache.get("a", "v1", build)).to.equal("body 1");
      expect(builds).to.equal(1);
    });

    it("builds the body again when the version moves", () => {
      const cache = new BodyCache(1_000);
      let builds = 0;
      const build = () => `body ${++builds}`;
      cache.get("a", "v1", build);
      expect(cache.get("a", "v2", build)).to.equal("body 2");
    });

    it("keeps the bodies within its byte bound, dropping the least recently used", () => {
      const cache = new BodyCache(40); // two bodies of 10 characters (2 bytes each)
      const body = (key: string) => () => key.repeat(10);
      cache.get("a", "v", body("a"));
      cache.get("b", "v", body("b"));
      cache.get("a", "v", () => "rebuilt"); // a is now the most recently used
      cache.get("c", "v", body("c"));
      expect(cache.size).to.deep.equal({ entries: 2, bytes: 40 });
      expect(cache.get("a", "v", () => "rebuilt")).to.equal("a".repeat(10));
      expect(cache.get("b", "v", () => "rebuilt")).to.equal("rebuilt");
    });

    it("does not keep a body larger than its bound", () => {
      const cache = new BodyCache(10);
      expect(cache.get("a", "v", () => "x".repeat(6))).to.equal("x".repeat(6));
      expect(cache.size).to.deep.equal({ entries: 0, bytes: 0 });
    });
  });
});
