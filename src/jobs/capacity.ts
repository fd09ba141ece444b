/**
 * The worker's hours from today on, day by day: the plan's hours per day on workdays (less
 * what was logged today), spent in order as the forecast walks the milestones. Pure.
 */

const EPSILON = 1e-9;
/** Ten years of days: a forecast further out is no forecast. */
export const MAX_WALK = 3700;

export class Capacity {
  /** The day being worked and the hours already spent on it. */
  day: number;
  used = 0;

  constructor(
    private readonly hoursOn: (day: number) => number,
    private readonly isWorkday: (day: number) => boolean,
    from: number,
  ) {
    this.day = from;
  }

  /** Spends `hours` from the cursor on; the day the last of them is worked (undefined past ten years). */
  spend(hours: number): number | undefined {
    let left = hours;
    for (let n = 0; n < MAX_WALK; n++) {
      const free = this.hoursOn(this.day) - this.used;
      if (left <= EPSILON) {
        // Nothing (more) to do: delivered that day, if it is a workday.
        if (this.isWorkday(this.day)) return this.day;
      } else if (free > EPSILON) {
        if (left <= free + EPSILON) {
          this.used += left;
          return this.day;
        }
        left -= free;
      }
      this.day++;
      this.used = 0;
    }
    return undefined;
  }

  /** Hours free from the cursor through `to`, without spending them. */
  freeUntil(to: number): number {
    let h = -this.used;
    for (let d = this.day; d <= to && d - this.day < MAX_WALK; d++) h += this.hoursOn(d);
    return Math.max(0, h);
  }

  /** Work cannot go on before `day` (the client has the work until then). */
  waitUntil(day: number): void {
    if (day > this.day) {
      this.day = day;
      this.used = 0;
    }
  }
}
