// Months, the one way planwatch reads, counts and compares them. A month is a `YYYY-MM` string at
// the boundary and a month index (months since year 0: 2023-01 → 24276) inside; "now" is a month in
// Asia/Shanghai, whatever the host's time zone.

/** The time zone every planwatch month and date is in. */
export const TIME_ZONE = "Asia/Shanghai";

const FORMS = [
  /^(\d{4})[-/.年](\d{1,2})月?$/, // 2023-06, 2023/6, 2023.06, 2023年6月
  /^(\d{4})(\d{2})$/, // 202306
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/ // 2023-06-01, as a spreadsheet date reads (a real day of that month)
];

/**
 * Reads a month as people write it: `2023-06`, `2023年6月`, `2023/6`, `2023.06`, `202306`, or a
 * date of it (`2023-06-01`, a spreadsheet's date cell); full-width digits and spaces are folded.
 * Strict: anything else (`2023-13`, `2023-06-99`, `0000-01`, `2023-06x`) is null, never cut short.
 * Years run from 1000 to 9999.
 */
export function parseMonth(text: string): string | null {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  for (const form of FORMS) {
    const m = form.exec(t);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (year < 1000 || month < 1 || month > 12) return null;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysIn(year, month)) return null;
    }
    return formatMonth(year, month);
  }
  return null;
}

/** Whether `text` is a month as planwatch writes it (`YYYY-MM`, month 01–12, year 1000–9999). */
export function isMonth(text: unknown): text is string {
  return typeof text === "string" && /^[1-9]\d{3}-(0[1-9]|1[0-2])$/.test(text);
}

/** A month `YYYY-MM` as the months since year 0: 2023-01 → 24276. `NaN` for anything that is not a month. */
export function monthIndex(month: string): number {
  return isMonth(month) ? Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 : NaN;
}

/** The month `YYYY-MM` of a month index ({@link monthIndex}'s inverse). */
export function monthOf(index: number): string {
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** The month `n` months after `month` (before it, for negative `n`). */
export function addMonths(month: string, n: number): string {
  return monthOf(monthIndex(month) + n);
}

/** Negative, zero or positive as `a` is before, the same as or after `b` (for `sort`). */
export function compareMonths(a: string, b: string): number {
  return monthIndex(a) - monthIndex(b);
}

/** The latest of `months` (`YYYY-MM`), or null when there is none. */
export function latestMonth(months: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const m of months) if (latest === null || compareMonths(m, latest) > 0) latest = m;
  return latest;
}

/** How many months `to` is after `from` (2023-01 → 2023-06: 5; negative when before). */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `first` through `last`, in order (empty when `last` is before `first`). */
export function monthRange(first: string, last: string): string[] {
  const from = monthIndex(first);
  const to = monthIndex(last);
  const months: string[] = [];
  for (let i = from; i <= to; i++) months.push(monthOf(i));
  return months;
}

const shanghai = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hourCycle: "h23"
});

/** A month as a reader reads it: `2023-11` → `2023年11月`. */
export function monthInWords(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The month `YYYY-MM` an instant falls in, in Asia/Shanghai (whatever the host's time zone). */
export function monthAt(instant: Date): string {
  let year = 0;
  let month = 0;
  for (const part of shanghai.formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
  }
  return formatMonth(year, month);
}

/**
 * The instant day `day` of `month` begins in Asia/Shanghai (a day past the month's end runs on into
 * the next month). Shanghai has kept UTC+8 without summer time since 1991.
 */
export function dayStart(month: string, day: number): Date {
  const index = monthIndex(month);
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, day) - SHANGHAI_OFFSET_MS);
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const formatMonth = (year: number, month: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
