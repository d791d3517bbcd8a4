/**
 * Shared `Intl` formatters. Building one costs about 100 µs (ICU loads the locale's data each
 * time), formatting with a built one about 3 µs, and a ticket's draft and cards format several
 * dates, amounts and lists: so each (locale, options) pair is built once per process. The key
 * space is small (five languages, the handful of option shapes used here, ISO currency codes; a
 * malformed code throws before anything is cached), and the cache is cleared should it ever grow
 * past a bound, so no input can make it grow without limit.
 */

const MAX_ENTRIES = 2_000;

function memo<F, O extends object>(build: (locale: string, options: O) => F) {
  const cache = new Map<string, F>();
  return (locale: string, options: O): F => {
    const key = `${locale}\u0000${JSON.stringify(options)}`;
    let formatter = cache.get(key);
    if (formatter === undefined) {
      formatter = build(locale, options);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, formatter);
    }
    return formatter;
  };
}

export const dateTimeFormat = memo(
  (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
export const numberFormat = memo(
  (locale: string, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
export const listFormat = memo(
  (locale: string, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options),
);
