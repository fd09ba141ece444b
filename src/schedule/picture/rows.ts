// The rows of the picture: one per day something happens, each event in the lane of who
// acts, bars for the work and for the client's turns between them, today's line.

import { formatDate } from "../../date-format.ts";
import type { IsoDate } from "../../iso-date.ts";
import type { Lang } from "../types.ts";
import { BASE_WIDTH, type Block, COLORS, LANE_W, LANE_X, LINE, P, r, star, TEXT, text } from "./canvas.ts";
import type { PictureEvent, PictureModel } from "./model.ts";
import { textWidth, wrapText } from "./text.ts";
import { WORDS } from "./words.ts";

interface Placed {
  y: number;
  height: number;
}

/** The rows of days, the spans between them, today's line. */
export function rowsBlock(model: PictureModel): Block {
  const { rows, lang } = model;
  const todayGap = model.today.row === undefined ? 46 : 0;
  const eventLines = (e: PictureEvent) => wrapText(e.label, LANE_W - 64, TEXT, 3, e.deadline);
  const heights = rows.map((row) => {
    const lane = (l: "client" | "worker") => row.events.filter((e) => e.lane === l).reduce((h, e) => h + eventLines(e).length * LINE + 18, 0);
    return Math.max(96, Math.max(lane("client"), lane("worker")) + 30, row.today ? 118 : 0);
  });
  const placed: Placed[] = [];
  let y = 0;
  rows.forEach((_, i) => {
    if (model.today.before === i) y += todayGap;
    placed.push({ y, height: heights[i] ?? 96 });
    y += heights[i] ?? 96;
  });
  if (model.today.before === rows.length) y += todayGap;
  return {
    height: y + 24,
    draw: (top) => {
      const out: string[] = [];
      rows.forEach((row, i) => {
        const at = placed[i] ?? { y: 0, height: 96 };
        if (row.deadline)
          out.push(`<rect x="${P - 12}" y="${top + at.y}" width="${BASE_WIDTH - 2 * P + 24}" height="${at.height}" rx="10" fill="${COLORS.deadlineBg}"/>`);
        out.push(`<line x1="${P}" y1="${top + at.y}" x2="${BASE_WIDTH - P}" y2="${top + at.y}" stroke="${COLORS.rule}" stroke-width="2"/>`);
      });
      out.push(...spanShapes(model, placed, top));
      rows.forEach((row, i) => {
        const at = placed[i] ?? { y: 0, height: 96 };
        out.push(`<g data-date="${row.date}">`);
        out.push(dateCell(row.date, rows[i - 1]?.date, lang, top + at.y, row));
        for (const lane of ["client", "worker"] as const) {
          let ey = top + at.y + 22;
          for (const e of row.events.filter((x) => x.lane === lane)) {
            const lines = eventLines(e);
            out.push(eventShape(e, LANE_X[lane], ey, lines));
            ey += lines.length * LINE + 18;
          }
        }
        out.push("</g>");
      });
      out.push(todayLine(model, placed, top, todayGap));
      return out.join("\n");
    },
  };
}

function dateCell(date: IsoDate, previous: IsoDate | undefined, lang: Lang, y: number, row: { deadline: boolean; today: boolean }): string {
  const [yy, mm, dd] = date.split("-").map(Number);
  const weekday = formatDate(date, lang)
    .replace(/^.*\((.)\)$/, "$1")
    .replace(/,.*$/, "");
  const main = lang === "ja" ? `${mm}/${dd}` : `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(mm ?? 1) - 1]} ${dd}`;
  const out = [text(P, y + 46, main, 32, row.deadline ? COLORS.deadline : COLORS.ink, ' font-weight="bold"')];
  out.push(text(P + textWidth(main, 32, true) + 8, y + 46, lang === "ja" ? `(${weekday})` : weekday, 24, COLORS.muted));
  let tagY = y + 80;
  if (previous !== undefined && previous.slice(0, 4) !== date.slice(0, 4)) {
    out.push(badge(P, tagY, lang === "ja" ? `${yy}年` : String(yy), COLORS.muted));
    tagY += 36;
  }
  if (row.deadline) {
    out.push(badge(P, tagY, WORDS[lang].deadlineBadge, COLORS.deadline));
    tagY += 36;
  }
  if (row.today) out.push(badge(P, tagY, WORDS[lang].today, COLORS.today));
  return out.join("\n");
}

export function badge(x: number, y: number, label: string, color: string): string {
  const w = textWidth(label, 21, true) + 20;
  return `<rect x="${x}" y="${y - 21}" width="${r(w)}" height="29" rx="14" fill="${color}"/>\n${text(x + 10, y, label, 21, "#ffffff", ' font-weight="bold"')}`;
}

function eventShape(e: PictureEvent, laneX: number, y: number, lines: string[]): string {
  const cx = laneX + 22;
  const cy = y + 18;
  const color = e.deadline ? COLORS.deadline : e.lane === "client" ? COLORS.client : COLORS.worker;
  const marker = e.deadline
    ? star(cx, cy, 15, COLORS.deadline)
    : e.kind === "due"
      ? `<rect x="${cx - 10}" y="${cy - 10}" width="20" height="20" transform="rotate(45 ${cx} ${cy})" fill="${color}"/>`
      : e.kind === "done"
        ? `<circle cx="${cx}" cy="${cy}" r="9" fill="#ffffff" stroke="${color}" stroke-width="4"/>`
        : `<circle cx="${cx}" cy="${cy}" r="11" fill="${color}"/>`;
  const weight = e.deadline ? ' font-weight="bold"' : "";
  const fill = e.kind === "done" ? COLORS.muted : e.deadline ? COLORS.deadline : COLORS.ink;
  return [marker, ...lines.map((l, i) => text(laneX + 44, y + 27 + i * LINE, l, TEXT, fill, weight))].join("\n");
}

/** Work as a bar down the worker's lane, the client's turns down theirs, with their length in days. */
function spanShapes(model: PictureModel, placed: Placed[], top: number): string[] {
  const out: string[] = [];
  const mid = (i: number) => top + (placed[i]?.y ?? 0) + 40;
  for (const s of model.spans) {
    const x = LANE_X[s.lane] + 17;
    const y1 = s.from === s.to ? top + (placed[s.from]?.y ?? 0) + 6 : mid(s.from);
    const y2 = mid(s.to);
    const color = s.lane === "worker" ? COLORS.workerBar : COLORS.clientBar;
    out.push(`<rect x="${x}" y="${r(y1)}" width="10" height="${r(Math.max(8, y2 - y1))}" rx="5" fill="${color}"/>`);
    // The length of the client's turn, beside its bar where the lane has room for it.
    const busy = model.rows[s.from]?.events.some((e) => e.lane === s.lane) ?? true;
    if (s.kind === "window" && s.to === s.from + 1 && !busy) {
      out.push(text(x + 24, r((y1 + y2) / 2 + 8), WORDS[model.lang].days(s.days), 22, COLORS.client, ' font-weight="bold"'));
    }
  }
  return out;
}

function todayLine(model: PictureModel, placed: Placed[], top: number, gap: number): string {
  const { today, lang } = model;
  if (today.row !== undefined) return "";
  const i = today.before ?? 0;
  const y = top + (i < placed.length ? (placed[i]?.y ?? 0) - gap / 2 : (placed.at(-1)?.y ?? 0) + (placed.at(-1)?.height ?? 0) + gap / 2);
  const label = `${WORDS[lang].today} ${lang === "ja" ? formatDate(today.date, lang).replace(/^\d+年/, "") : formatDate(today.date, lang).replace(/, \d{4}$/, "")}`;
  const w = textWidth(label, 22, true) + 22;
  return [
    `<line x1="${P}" y1="${r(y)}" x2="${BASE_WIDTH - P}" y2="${r(y)}" stroke="${COLORS.today}" stroke-width="3" stroke-dasharray="12 8"/>`,
    `<rect x="${P}" y="${r(y - 16)}" width="${r(w)}" height="32" rx="16" fill="${COLORS.today}"/>`,
    text(P + 11, y + 8, label, 22, "#ffffff", ' font-weight="bold"'),
  ].join("\n");
}
