import { expect } from "chai";

import { expectClose } from "./helpers.js";

import { type AiParams, aiDay, aiMarginUsdPerMwh, gpusForPower } from "../../src/model/index.js";

const colocation: AiParams = {
  aiMode: "colocation",
  aiColoRevenue: 1.6,
  aiColoMargin: 85,
  gpuRentH100: 2.1,
  powerPerGpu: 1.6,
  gpuUtilization: 90,
  gpuOwnershipCost: 0,
  powerPrice: 45,
};
const gpuCloud: AiParams = { ...colocation, aiMode: "gpu-cloud" };

describe("ai", function () {
  describe("aiDay (colocation)", function () {
    it("earns MW × aiColoRevenue / 365 a day at a (1 − aiColoMargin) cost", function () {
      const day = aiDay(10, colocation);
      expectClose(day.grossUsd, (10 * 1.6e6) / 365, 1e-6);
      expectClose(day.costUsd, day.grossUsd * 0.15, 1e-6);
      expect(day.gpus).to.equal(0);
    });

    it("earns nothing without capacity", function () {
      expect(aiDay(0, colocation)).to.deep.equal({ gpus: 0, grossUsd: 0, costUsd: 0 });
    });
  });

  describe("aiDay (gpu-cloud)", function () {
    it("rents floor(MW × 1000 / powerPerGpu) GPUs at rent × 24 × utilization, minus their power", function () {
      const day = aiDay(1, gpuCloud);
      expect(day.gpus).to.equal(625);
      expectClose(day.grossUsd, 625 * 2.1 * 24 * 0.9, 1e-6);
      expectClose(day.costUsd, ((625 * 1.6 * 24) / 1000) * 45, 1e-6);
    });

    it("adds the optional ownership cost per GPU-hour", function () {
      const day = aiDay(1, { ...gpuCloud, gpuOwnershipCost: 0.8 });
      expectClose(day.costUsd, ((625 * 1.6 * 24) / 1000) * 45 + 625 * 0.8 * 24, 1e-6);
    });

    it("counts whole GPUs only", function () {
      expect(gpusForPower(0.0015, 1.6)).to.equal(0);
      expect(gpusForPower(0.0016, 1.6)).to.equal(1);
    });
  });

  describe("aiMarginUsdPerMwh", function () {
    it("is ≈ 155 USD/MWh for colocation at the defaults", function () {
      expectClose(aiMarginUsdPerMwh(colocation), (1.6e6 / 8760) * 0.85, 1e-9);
    });

    it("matches a day of aiDay per MW for gpu-cloud (up to whole GPUs)", function () {
      const day = aiDay(1.6, gpuCloud); // exactly 1000 GPUs
      expectClose(aiMarginUsdPerMwh(gpuCloud) * 1.6 * 24, day.grossUsd - day.costUsd, 1e-6);
    });
  });
});
