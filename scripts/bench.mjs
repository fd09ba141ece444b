#!/usr/bin/env node
// npm run bench [-- --runs N --batch N --agenda N --out FILE]
// Times kikitori's commands against a bare `node -e 0` started the same way, interleaved so
// both see the same machine load, and reports medians, ratios and peak memory, each against its
// goal (issue "Speed to the floor"); exits 1 when a goal is missed. Writes the table as JSON
// (default bench-results.json). The code cache lives in a folder of the bench's own, made by
// the warm-up run, so the figures are those of a user's second and later runs.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "kikitori.cjs");
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const RUNS = Number(arg("--runs", "21"));
const BATCH = Number(arg("--batch", "1000"));
const AGENDA = Number(arg("--agenda", "500"));
const OUT = path.resolve(arg("--out", "bench-results.json"));

if (!fs.existsSync(path.join(root, "dist", "kikitori.cjs"))) {
  console.error("dist/ is missing: run npm run build first");
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kikitori-bench-"));
const example = path.join(root, "questionnaires", "examples", "design-general.answers.yaml");
fs.copyFileSync(example, path.join(work, "job.answers.yaml"));
// Peak memory through a CommonJS preload (an ES module hook would load the ESM loader into both sides).
const rssHook = path.join(work, "rss.cjs");
fs.writeFileSync(
  rssHook,
  'process.on("exit",()=>{if(process.env.BENCH_RSS)require("node:fs").writeFileSync(process.env.BENCH_RSS,String(process.resourceUsage().maxRSS))});\n',
);
const env = { ...process.env, LANG: "C", NO_COLOR: "1", KIKITORI_TODAY: "2026-11-23", XDG_CACHE_HOME: path.join(work, "cache") };
delete env.KIKITORI_PATH;
delete env.KIKITORI_NO_CACHE;

// A client's reply to the design-general questionnaire, about 7 KB: each question answered with
// its first choice (and its label), its example, or 未定, then the closing words, a signature
// and the start of the questionnaire quoted below, as a mail client quotes it.
const ask = spawnSync(process.execPath, [bin, "ask", "design-general", "--lang", "ja"], { cwd: work, env, encoding: "utf8" });
if (ask.status !== 0) throw new Error(`ask exited ${ask.status}: ${ask.stderr}`);
const reply = ["お世話になっております。ご質問にお答えします。", ""];
for (const block of ask.stdout.split(/\n(?=\d+\. )/).slice(1)) {
  const n = /^(\d+)\. /.exec(block)?.[1];
  const choice = /^\s+1\) ([^—\n]+)/m.exec(block)?.[1]?.trim();
  const example = /例: (.+)/.exec(block)?.[1];
  reply.push(`${n}. ${choice ? "1" : (example ?? "未定")}`);
}
reply.push("", "以上です。どうぞよろしくお願いいたします。", "", "山田 花子", "");
for (const line of ask.stdout.split("\n")) {
  if (Buffer.byteLength(reply.join("\n")) > 7000) break;
  reply.push(`> ${line}`);
}
fs.writeFileSync(path.join(work, "reply.txt"), `${reply.join("\n")}\n`);
const replyKb = (fs.statSync(path.join(work, "reply.txt")).size / 1024).toFixed(1);

const packs = fs
  .readdirSync(path.join(root, "questionnaires"))
  .filter((f) => f.endsWith(".yaml") && f !== "platforms.yaml")
  .map((f) => path.join(root, "questionnaires", f));
// goal: the ratio to `node -e 0` not to exceed; memGoal: the same for peak memory.
const cases = [
  { name: "--version", args: ["--version"], goal: 1.1 },
  { name: "--help", args: ["--help"], goal: 1.1 },
  { name: "render (one file)", args: ["render", "job.answers.yaml", "--force"], goal: 1.25, memGoal: 1.2 },
  { name: "render --no-cache", args: ["render", "job.answers.yaml", "--force", "--no-cache"] },
  { name: `import (${replyKb} KB reply)`, args: ["import", "design-general", "reply.txt", "-o", "reply.answers.yaml", "--force"], goal: 1.5 },
  {
    name: "schedule --json",
    args: ["schedule", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4", "--revisions", "2", "--platform", "coconala", "--json"],
  },
  { name: `pack validate (${packs.length} built-ins)`, args: ["pack", "validate", ...packs] },
];

function run(args, withRss) {
  const rssFile = path.join(work, "rss.txt");
  const nodeArgs = withRss ? ["--require", rssHook, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, nodeArgs, { cwd: work, env: withRss ? { ...env, BENCH_RSS: rssFile } : env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, rssKb: withRss ? Number(fs.readFileSync(rssFile, "utf8")) : 0 };
}
/** `{ goal, met }` of a row: each goal with its verdict ("ratio ≤ 1.25 met, memory ≤ 1.2 MISSED"). */
function goals(list) {
  const set = list.filter(([limit]) => limit !== undefined);
  if (set.length === 0) return { met: true };
  return {
    goal: set.map(([limit, value, what]) => `${what} ≤ ${limit} ${value <= limit ? "met" : "MISSED"}`).join(", "),
    met: set.every(([limit, value]) => value <= limit),
  };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

// Warm the file cache once.
run(["-e", "0"], false);
for (const c of cases) run([bin, ...c.args], false);

const rows = [];
for (const c of cases) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(run(["-e", "0"], false).ms);
    cmd.push(run([bin, ...c.args], false).ms);
  }
  const baseRss = median([0, 1, 2, 3, 4].map(() => run(["-e", "0"], true).rssKb));
  const cmdRss = median([0, 1, 2, 3, 4].map(() => run([bin, ...c.args], true).rssKb));
  rows.push({
    command: c.name,
    medianMs: +median(cmd).toFixed(1),
    nodeMs: +median(base).toFixed(1),
    ratio: +(median(cmd) / median(base)).toFixed(2),
    peakRssMb: +(cmdRss / 1024).toFixed(1),
    rssRatio: +(cmdRss / baseRss).toFixed(2),
    ...goals([
      [c.goal, median(cmd) / median(base), "ratio"],
      [c.memGoal, cmdRss / baseRss, "memory"],
    ]),
  });
}

// Batch: BATCH answers files rendered (brief and message written) in one invocation.
const batchDir = path.join(work, "batch");
fs.mkdirSync(batchDir);
const text = fs.readFileSync(example, "utf8");
const names = [];
for (let i = 0; i < BATCH; i++) {
  const name = `job-${String(i).padStart(4, "0")}.answers.yaml`;
  fs.writeFileSync(path.join(batchDir, name), text);
  names.push(name);
}
const batchTimes = [];
let batchRss = 0;
// Each run writes into a fresh folder: deleting 2,000 files just before writing them again
// makes creating files several times slower on some disks, which is not what a user sees.
for (let i = 0; i < 5; i++) {
  const out = path.join("batch", `out-${i}`);
  const r = run([bin, "render", ...names.map((n) => path.join("batch", n)), "--out", out], i === 4);
  batchTimes.push(r.ms);
  if (i === 4) batchRss = r.rssKb;
  const written = fs.readdirSync(path.join(work, out)).length;
  if (written !== 2 * BATCH) throw new Error(`batch wrote ${written} files, expected ${2 * BATCH}`);
}
const batchMs = median(batchTimes);
rows.push({
  command: `render (batch of ${BATCH})`,
  medianMs: +batchMs.toFixed(0),
  nodeMs: null,
  ratio: null,
  peakRssMb: +(batchRss / 1024).toFixed(1),
  rssRatio: null,
  briefsPerSecond: Math.round(BATCH / (batchMs / 1000)),
  ...(BATCH === 1000 ? { goal: `≤ 1000 ms ${batchMs <= 1000 ? "met" : "MISSED"}`, met: batchMs <= 1000 } : { met: true }),
});

// Agenda: AGENDA answers files (the four examples, shifted in time, each with a short log) in
// nested folders, read in one run: the morning check across every job.
const agendaDir = path.join(work, "agenda");
const shiftDate = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const examples = ["design-general", "icon-illustration", "logo-design", "voice-recording"].map((n) =>
  fs.readFileSync(path.join(root, "questionnaires", "examples", `${n}.answers.yaml`), "utf8"),
);
for (let i = 0; i < AGENDA; i++) {
  const shift = (i % 29) - 14;
  const text = (examples[i % 4] ?? "")
    .replace(/^( {2}(?:start_date|due_date|final_due_date|inspection_by): )(\d{4}-\d{2}-\d{2})/gm, (_, k, d) => `${k}${shiftDate(d, shift)}`)
    .concat(
      `progress:\n  - { date: ${shiftDate("2026-11-25", shift)}, hours: 3, done: 15 }\n  - { date: ${shiftDate("2026-11-26", shift)}, hours: 2.5, done: 25, sent: progress }\n`,
    );
  const dir = path.join(agendaDir, `client-${i % 20}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `job-${String(i).padStart(3, "0")}.answers.yaml`), text);
}
const listed = spawnSync(process.execPath, [bin, "agenda", "agenda", "--json"], { cwd: work, env, encoding: "utf8" });
const agendaItems = JSON.parse(listed.stdout).length;
if (listed.status !== 0 || agendaItems < AGENDA || listed.stderr !== "") throw new Error(`agenda listed ${agendaItems} items: ${listed.stderr}`);
{
  const base = [];
  const cmd = [];
  run([bin, "agenda", "agenda"], false);
  for (let i = 0; i < RUNS; i++) {
    base.push(run(["-e", "0"], false).ms);
    cmd.push(run([bin, "agenda", "agenda"], false).ms);
  }
  const rss = run([bin, "agenda", "agenda"], true).rssKb;
  rows.push({
    command: `agenda (${AGENDA} jobs)`,
    medianMs: +median(cmd).toFixed(0),
    nodeMs: +median(base).toFixed(1),
    ratio: +(median(cmd) / median(base)).toFixed(2),
    peakRssMb: +(rss / 1024).toFixed(1),
    rssRatio: null,
    items: agendaItems,
    ...(AGENDA === 500 ? { goal: `≤ 500 ms ${median(cmd) <= 500 ? "met" : "MISSED"}`, met: median(cmd) <= 500 } : { met: true }),
  });
}

const pad = (s, n) => String(s ?? "").padEnd(n);
console.log(`kikitori bench: ${RUNS} interleaved runs each, node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0].toFixed(2)}`);
console.log(`${pad("command", 30)}${pad("median ms", 11)}${pad("node -e 0", 11)}${pad("ratio", 8)}${pad("peak MB", 9)}${pad("mem ratio", 10)}goal`);
for (const r of rows) {
  const mem = r.rssRatio ?? (r.briefsPerSecond ? `${r.briefsPerSecond}/s` : "");
  const goal = r.goal ?? "";
  console.log(`${pad(r.command, 30)}${pad(r.medianMs, 11)}${pad(r.nodeMs ?? "", 11)}${pad(r.ratio ?? "", 8)}${pad(r.peakRssMb, 9)}${pad(mem, 10)}${goal}`);
}
fs.writeFileSync(OUT, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, load: os.loadavg()[0], rows }, null, 2)}\n`);
console.log(`written ${path.relative(process.cwd(), OUT) || OUT}`);
fs.rmSync(work, { recursive: true, force: true });
const missed = rows.filter((r) => r.goal && !r.met).map((r) => r.command);
if (missed.length > 0) {
  console.log(`goals missed: ${missed.join(", ")}`);
  process.exitCode = 1;
}
