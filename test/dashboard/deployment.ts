import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";

import { selectDeployment } from "../../tasks/actions/dashboard-deployment.js";
import { cleanUp, tempDir } from "../indexer/fixture.js";

/** A project root with Ignition deployments `ids` (each with a journal). */
function project(ids: string[]): { root: string; ignition: string } {
  const root = tempDir("dash-deployments");
  const ignition = path.join(root, "ignition");
  for (const id of ids) {
    mkdirSync(path.join(ignition, "deployments", id), { recursive: true });
    writeFileSync(path.join(ignition, "deployments", id, "journal.jsonl"), "");
  }
  return { root, ignition };
}

describe("dashboard --deployment", () => {
  after(cleanUp);

  describe("selectDeployment", () => {
    it("selects an existing deployment as HASHSHARE_DEPLOYMENT_ID does", () => {
      const env: NodeJS.ProcessEnv = {};
      selectDeployment(" simulate-arbitrage-1a2b-0 ", project(["simulate-arbitrage-1a2b-0"]), env);
      expect(env.HASHSHARE_DEPLOYMENT_ID).to.equal("simulate-arbitrage-1a2b-0");
    });

    it("keeps the default when the option is empty", () => {
      const env: NodeJS.ProcessEnv = { HASHSHARE_DEPLOYMENT_ID: "from-env" };
      selectDeployment("", project([]), env);
      expect(env.HASHSHARE_DEPLOYMENT_ID).to.equal("from-env");
    });

    it("refuses a deployment that does not exist, naming the ones there", () => {
      expect(() => selectDeployment("nope", project(["chain-31337"]), {})).to.throw(
        "--deployment nope: no such Ignition deployment in ignition/deployments (newest first: chain-31337)",
      );
    });

    it("refuses a deployment when there is none yet", () => {
      expect(() => selectDeployment("nope", project([]), {})).to.throw(/\(there is none yet\)$/);
    });

    it("refuses a path in place of an ID", () => {
      expect(() => selectDeployment("../chain-31337", project(["chain-31337"]), {})).to.throw(
        '--deployment "../chain-31337" is not a deployment ID',
      );
    });
  });
});
