/**
 * The form page's stand-in for pack/pattern.ts (the build puts it in that module's place, see
 * scripts/build.mjs): the client's browser matches `validate.pattern` with its own engine
 * rather than carry the ~260 KB linear one. The pack was checked by the CLI when the form was
 * made, so a pattern here uses only what both engines read the same way.
 */

/** The same shape as the CLI's meter; the browser keeps no budget. */
export class PatternMeter {
  left = Number.POSITIVE_INFINITY;
}

/** Whether `text` matches anywhere (as RegExp.test does); a pattern the browser cannot read matches nothing. */
export function matchPattern(pattern: string, text: string, _meter?: PatternMeter): boolean | "too-long" {
  try {
    return new RegExp(pattern, "u").test(text);
  } catch {
    return false;
  }
}
