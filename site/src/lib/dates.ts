/** Dates as Vietnamese portals print them: `29/07/2020 16:30`, always in Asia/Ho_Chi_Minh. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pieces(date: Date | string) {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date: ${String(date)}`);
  const get = (type: string) => parts.formatToParts(d).find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') };
}

export function formatDateTime(date: Date | string): string {
  const p = pieces(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function formatDate(date: Date | string): string {
  const p = pieces(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** The year in Vietnam (an article published 31/12 23:30 local time belongs to that year). */
export function localYear(date: Date | string): string {
  return pieces(date).year;
}
