/**
 * The JSON Schema of a scenario file (`scenarios/scenario.schema.json`), generated from the zod schema so that
 * editors can check and complete scenario files. A test keeps the committed file equal to this.
 */
import { zodToJsonSchema } from "zod-to-json-schema";

import { scenarioFileSchema } from "./scenario.js";

/** Where the schema is committed, relative to the repository root. */
export const SCENARIO_SCHEMA_FILE = "scenarios/scenario.schema.json";

/** The scenario file's JSON Schema, as the text committed in `SCENARIO_SCHEMA_FILE`. */
export function scenarioJsonSchemaText(): string {
  const schema = zodToJsonSchema(scenarioFileSchema, { name: "HashShareScenario", $refStrategy: "none" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
