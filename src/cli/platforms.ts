/**
 * The platforms offered when the hearing asks where the job is: the ids and names of
 * questionnaires/platforms.yaml when it can be read, else the platforms the design names.
 * Only ids and names are read here; the planner reads the full profiles itself.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlatformChoice } from "../flow/steps.ts";
import { msg } from "../i18n.ts";
import { parseYaml } from "../yaml/parse.ts";

const FALLBACK: PlatformChoice[] = [
  { id: "coconala", name: msg("ココナラ", "Coconala") },
  { id: "crowdworks", name: msg("クラウドワークス", "CrowdWorks") },
  { id: "lancers", name: msg("ランサーズ", "Lancers") },
  { id: "upwork", name: msg("Upwork", "Upwork") },
  { id: "fiverr", name: msg("Fiverr", "Fiverr") },
  { id: "direct", name: msg("直接取引 (プラットフォームなし)", "Direct (no platform)") },
];

export function platformChoices(root: string): PlatformChoice[] {
  const file = path.join(root, "questionnaires", "platforms.yaml");
  try {
    const data = parseYaml(fs.readFileSync(file, "utf8"), file).data as { platforms?: unknown };
    if (!Array.isArray(data?.platforms)) return FALLBACK;
    const out: PlatformChoice[] = [];
    for (const p of data.platforms as { id?: unknown; name?: unknown }[]) {
      if (typeof p?.id !== "string" || !/^[a-z0-9][a-z0-9_-]*$/.test(p.id)) continue;
      const n = p.name as { ja?: unknown; en?: unknown } | string | undefined;
      const en = typeof n === "string" ? n : typeof n?.en === "string" ? n.en : p.id;
      const ja = typeof n === "string" ? n : typeof n?.ja === "string" ? n.ja : en;
      out.push({ id: p.id, name: msg(ja, en) });
    }
    return out.length > 0 ? out : FALLBACK;
  } catch {
    return FALLBACK;
  }
}
