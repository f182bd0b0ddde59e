/** Wall-clock readings through Intl, independent of luxon, to check the rules' time arithmetic. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date and 'HH:mm' an instant reads as in `timeZone`, and the offset in minutes. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string; offsetMinutes: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  const wallAsUtc = Date.parse(`${date}T${time}:${parts.second}Z`);
  return { date, time, offsetMinutes: Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000) };
}
