// Build step: the man pages, from the command table (src/cli/man.ts).
import { renderMan } from "../src/cli/man.ts";
import { ENVIRONMENT, TABLE } from "../src/cli/specs/index.ts";

export function generateMan(version: string): Record<string, string> {
  return {
    "kikitori.1": renderMan(TABLE, "en", { version, environment: ENVIRONMENT }),
    "ja/kikitori.1": renderMan(TABLE, "ja", { version, environment: ENVIRONMENT }),
  };
}
