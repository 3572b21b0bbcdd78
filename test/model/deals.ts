import { expect } from "chai";

import { expectClose } from "./helpers.js";

import { aiOpexPerDay, aiRevenuePerDay, parseScenario } from "../../src/model/index.js";

describe("AI deals", function () {
  describe("aiRevenuePerDay", function () {
    it("earns IT MW × aiColoRevenue / 365 in the first contract year (colocation)", function () {
      const s = parseScenario({});
      expectClose(aiRevenuePerDay(s, 14, 0), (10 * 1.75e6) / 365, 1e-6);
    });

    it("escalates by aiEscalator each whole contract year (colocation)", function () {
      const s = parseScenario({});
      expectClose(aiRevenuePerDay(s, 14, 365) / aiRevenuePerDay(s, 14, 0), 1.025, 1e-12);
    });

    it("earns rent on rented hours and pays the GPUs' ownership cost on every hour (gpu-cloud)", function () {
      const s = parseScenario({ aiMode: "gpu-cloud", gpuUtilization: 50 });
      const gpus = 1000 / 1.6; // per gross MW
      expectClose(aiRevenuePerDay(s, 1, 0), gpus * 24 * (2.1 * 0.5 - 1.0), 1e-6);
    });

    it("loses money on idle GPUs: at 0 % utilization the ownership cost remains (gpu-cloud)", function () {
      const s = parseScenario({ aiMode: "gpu-cloud", gpuUtilization: 0 });
      expect(aiRevenuePerDay(s, 1, 0)).to.be.below(0);
    });
  });

  describe("aiOpexPerDay", function () {
    it("is (1 − aiColoMargin) of revenue (colocation)", function () {
      const s = parseScenario({});
      expectClose(aiOpexPerDay(s, 14, 1000), 150, 1e-9);
    });

    it("is the GPUs' power at powerPrice (gpu-cloud)", function () {
      const s = parseScenario({ aiMode: "gpu-cloud" });
      expectClose(aiOpexPerDay(s, 1, 0), 24 * 45, 1e-9);
    });
  });
});
