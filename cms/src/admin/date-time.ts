/**
 * An instant as the newsroom writes it in the admin, date first ("03/12/2026 23:38"; vi-VN puts
 * the time first). The audit trail shows seconds, the history does not.
 */
const DATE = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit' });
const TIME_WITH_SECONDS = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function dateTime(iso: string, { seconds = false } = {}): string {
  const at = new Date(iso);
  return `${DATE.format(at)} ${(seconds ? TIME_WITH_SECONDS : TIME).format(at)}`;
}
