/** Dates and numbers through Intl, in the UI's language. */

/**
 * Formatters are kept per language and style: the first Intl.DateTimeFormat of a page loads ICU's
 * calendar and time-zone data (70–240 ms measured in Chromium on the bench machine), which the
 * result screen paid on the first check ("Checked at …"). warmFormats builds the ones the result
 * screen uses while the app is idle (i18n.ts), so the result paints without that wait.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

const STYLES = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'medium' },
  exact: { dateStyle: 'long', timeStyle: 'medium' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function dateTimeFormat(language: string, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(language, STYLES[style])));
  return format;
}

function formatDate(iso: string, language: string, style: keyof typeof STYLES): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language, style).format(date);
}

/** Builds (and uses once) the formatter the result screen needs, so its first use costs nothing. */
export function warmFormats(language: string): void {
  dateTimeFormat(language, 'dateTime').format(0);
}

export function formatDateTime(iso: string, language: string): string {
  return formatDate(iso, language, 'dateTime');
}

export function formatNumber(n: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}

/** "0.0.0.0/0" for a route; the person reads it next to the plain label ("Internet"). */
export function formatPrefix(destination: string, prefixLength: number): string {
  return `${destination}/${prefixLength}`;
}

export function formatTime(iso: string, language: string): string {
  return formatDate(iso, language, 'time');
}

/** Date and time to the second: History says exactly when a fix ran. */
export function formatExactDateTime(iso: string, language: string): string {
  return formatDate(iso, language, 'exact');
}
