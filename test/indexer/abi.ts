import { expect } from "chai";
import { ZeroHash, getAddress, id, type EventFragment, type ParamType } from "ethers";

import { EVENTS_INTERFACE, INDEXED_EVENTS, decodeLog } from "../../src/indexer/abi.js";

/** A sample value of `type`, distinct per parameter position (addresses in lowercase: the decoder checksums them). */
function sample(input: ParamType, position: number): unknown {
  const type = input.type;
  if (type === "address") return getAddress(`0x${(0xa1c0 + position).toString(16).padStart(40, "9")}`);
  if (type === "bool") return position % 2 === 0;
  if (type === "bytes") return `0x${"ab".repeat(37 + position)}`;
  if (type === "bytes32") return id(`sample ${position}`);
  const bits = Number(type.replace(/^u?int/, "") || 256);
  return (1n << BigInt(bits - 1)) + BigInt(position);
}

/** Every indexed event's fragment (once per name). */
function fragments(): EventFragment[] {
  const result: EventFragment[] = [];
  EVENTS_INTERFACE.forEachEvent((event) => {
    if ((INDEXED_EVENTS as readonly string[]).includes(event.name)) result.push(event);
  });
  return result;
}

const plain = (value: unknown): unknown => (typeof value === "bigint" ? value.toString() : value);

describe("abi", () => {
  describe("decodeLog", () => {
    for (const fragment of fragments()) {
      it(`decodes ${fragment.name} as ethers' parseLog does`, () => {
        const values = fragment.inputs.map((input, i) => sample(input, i));
        const log = EVENTS_INTERFACE.encodeEventLog(fragment, values);
        const expected = EVENTS_INTERFACE.parseLog(log);
        const decoded = decodeLog(log.topics, log.data);
        expect(decoded?.name).to.equal(expected?.name);
        expect(decoded?.args).to.deep.equal(
          Object.fromEntries(fragment.inputs.map((input, i) => [input.name, plain(expected?.args[i])])),
        );
      });
    }

    it("returns undefined for a log of an event it does not index", () => {
      expect(decodeLog([id("Approval(address,address,uint256)")], "0x")).to.equal(undefined);
    });

    it("returns undefined when an address topic has its high bits set", () => {
      const transfer = EVENTS_INTERFACE.getEvent("Transfer")!;
      const log = EVENTS_INTERFACE.encodeEventLog(transfer, [
        getAddress(`0x${"1".repeat(40)}`),
        getAddress(`0x${"2".repeat(40)}`),
        5n,
      ]);
      expect(decodeLog([log.topics[0]!, `0x${"f".repeat(24)}${"1".repeat(40)}`, log.topics[2]!], log.data)).to.equal(
        undefined,
      );
    });

    it("returns undefined when a uint8 topic is out of range", () => {
      const deposited = EVENTS_INTERFACE.getEvent("RevenueDeposited")!;
      const log = EVENTS_INTERFACE.encodeEventLog(deposited, [getAddress(`0x${"1".repeat(40)}`), 1n, 7n, 9n]);
      const topics = [...log.topics];
      topics[2] = `0x${"0".repeat(60)}0100`;
      expect(decodeLog(topics, log.data)).to.equal(undefined);
    });

    it("returns undefined when the data is shorter than the event's words", () => {
      const transfer = EVENTS_INTERFACE.getEvent("Transfer")!;
      const log = EVENTS_INTERFACE.encodeEventLog(transfer, [
        getAddress(`0x${"1".repeat(40)}`),
        getAddress(`0x${"2".repeat(40)}`),
        5n,
      ]);
      expect(decodeLog(log.topics, log.data.slice(0, 40))).to.equal(undefined);
    });

    it("returns undefined when a topic is missing", () => {
      const granted = EVENTS_INTERFACE.getEvent("RoleGranted")!;
      const log = EVENTS_INTERFACE.encodeEventLog(granted, [
        ZeroHash,
        getAddress(`0x${"1".repeat(40)}`),
        getAddress(`0x${"2".repeat(40)}`),
      ]);
      expect(decodeLog(log.topics.slice(0, 2), log.data)).to.equal(undefined);
    });
  });
});
