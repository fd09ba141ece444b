/**
 * In the bundle, `zod` resolves here (see scripts/build.mjs): a stand-in that loads the real
 * zod (libraries.ts) the first time a schema is built. Most runs (built-in packs, valid
 * answers) never build one, and so never pay for loading zod.
 */
import { requireLibrary } from "./libraries.ts";

let real: Record<string | symbol, unknown> | undefined;

export const z = new Proxy({} as Record<string | symbol, unknown>, {
  get(_target, key) {
    real ??= (requireLibrary("zod") as { z: Record<string | symbol, unknown> }).z;
    return real[key];
  },
});
