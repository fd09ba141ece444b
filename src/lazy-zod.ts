/**
 * In the bundle, `zod` resolves here (see scripts/build.mjs): a stand-in that loads the real
 * zod from node_modules the first time a schema is built. Most runs (built-in packs, valid
 * answers) never build one, and so never pay for loading zod.
 */
import { createRequire } from "node:module";

let real: Record<string | symbol, unknown> | undefined;

export const z = new Proxy({} as Record<string | symbol, unknown>, {
  get(_target, key) {
    real ??= (createRequire(import.meta.url)("zod") as { z: Record<string | symbol, unknown> }).z;
    return real[key];
  },
});
