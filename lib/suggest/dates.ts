/**
 * The date a payment is promised for, as people write it in English, German, French,
 * Dutch and Spanish: `15 December`, `December 15`, `15.12.2026`, `2026-12-15`, `12/15`,
 * `tomorrow`, `Friday`, `next week`, `end of the month`, `morgen`, `nächste Woche`,
 * `vendredi`, `la semaine prochaine`, `volgende week`, `el viernes`.
 *
 * Calendar arithmetic is in UTC on whole days: the answer is a day (`YYYY-MM-DD`), not an
 * instant. A day without a year is the next such day from `now`. "Next week" is seven days
 * on; "end of the month" its last day. chrono-node does this for English and more, but
 * even its English-only build is larger than the whole badge UI; this covers what a
 * payment promise says and nothing else.
 */

const MONTHS: Record<string, number> = {};
const month = (n: number, ...names: string[]) => names.forEach((name) => (MONTHS[name] = n));
month(1, 'january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'januari', 'enero', 'ene');
month(2, 'february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'februari', 'febrero');
month(3, 'march', 'mar', 'märz', 'maerz', 'mars', 'maart', 'marzo', 'mrt');
month(4, 'april', 'apr', 'avril', 'avr', 'abril', 'abr');
month(5, 'may', 'mai', 'mei', 'mayo');
month(6, 'june', 'jun', 'juni', 'juin', 'junio');
month(7, 'july', 'jul', 'juli', 'juillet', 'juil', 'julio');
month(8, 'august', 'aug', 'août', 'aout', 'augustus', 'agosto', 'ago');
month(9, 'september', 'sep', 'sept', 'septembre', 'septiembre');
month(10, 'october', 'oct', 'oktober', 'okt', 'octobre', 'octubre');
month(11, 'november', 'nov', 'novembre', 'noviembre');
month(12, 'december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic');

/** Whether a word names a month ("Dezember", "déc"): a number before it is a day, not a count. */
export const isMonthName = (word: string): boolean => Object.hasOwn(MONTHS, word.toLowerCase());

const WEEKDAYS: Record<string, number> = {};
const weekday = (n: number, ...names: string[]) => names.forEach((name) => (WEEKDAYS[name] = n));
weekday(1, 'monday', 'montag', 'lundi', 'maandag', 'lunes');
weekday(2, 'tuesday', 'dienstag', 'mardi', 'dinsdag', 'martes');
weekday(3, 'wednesday', 'mittwoch', 'mercredi', 'woensdag', 'miércoles', 'miercoles');
weekday(4, 'thursday', 'donnerstag', 'jeudi', 'donderdag', 'jueves');
weekday(5, 'friday', 'freitag', 'vendredi', 'vrijdag', 'viernes');

const RELATIVE: [RegExp, (today: Date) => Date][] = [
  [/\b(today|heute|aujourd'hui|vandaag|hoy)\b/i, (d) => d],
  [/\b(day after tomorrow|übermorgen|après-demain|overmorgen|pasado mañana)\b/i, (d) => addDays(d, 2)],
  // Not the morning: "Guten Morgen", "heute Morgen", "esta mañana", "por la mañana".
  [/(?<!\b(?:guten|heute|gestern|diesen|esta|la|una) )\b(tomorrow|morgen|demain|mañana)\b/i, (d) => addDays(d, 1)],
  [/\b(next week|nächste[nr]? woche|kommende[nr]? woche|la semaine prochaine|semaine prochaine|volgende week|la (?:semana )?próxima(?: semana)?|la semana que viene)\b/i, (d) => addDays(d, 7)],
  [/\b(end of (?:the |this )?month|month[- ]end|ende (?:des|dieses) monats|monatsende|fin (?:du|de ce) mois|eind van de maand|einde van de maand|fin de(?: este)? mes)\b/i, (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))],
  [/\b(end of (?:the |this )?week|ende der woche|fin de (?:la )?semaine|eind van de week|fin de semana)\b/i, (d) => nextWeekday(d, 5, true)],
];

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
function nextWeekday(d: Date, day: number, allowToday: boolean): Date {
  let diff = (day - d.getUTCDay() + 7) % 7;
  if (diff === 0 && !allowToday) diff = 7;
  return addDays(d, diff);
}
const iso = (d: Date) => d.toISOString().slice(0, 10);

function valid(y: number, m: number, day: number): Date | null {
  const d = new Date(Date.UTC(y, m - 1, day));
  return d.getUTCMonth() === m - 1 && d.getUTCDate() === day ? d : null;
}

/** The next date on or after today with this month and day, when no year is written. */
function upcoming(today: Date, m: number, day: number): Date | null {
  const y = today.getUTCFullYear();
  const d = valid(y, m, day);
  if (!d) return null;
  return d.getTime() < today.getTime() - 31 * 86_400_000 ? valid(y + 1, m, day) : d;
}

const year = (text: string | undefined, _today: Date) => (text ? (text.length === 2 ? 2000 + Number(text) : Number(text)) : undefined);

/** The first date written in `text`, as `YYYY-MM-DD`, read from `now` (epoch ms). */
export function findDate(text: string, now: number): string | undefined {
  const today = new Date(Math.floor(now / 86_400_000) * 86_400_000);
  const candidates: [number, Date | null][] = [];
  const at = (index: number, date: Date | null) => candidates.push([index, date]);

  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) at(m.index, valid(+m[1]!, +m[2]!, +m[3]!));
  // 15.12.2026, 15/12/2026 (day first: Europe), 12/15/2026 (month first when the first part cannot be a day of the month's order).
  for (const m of text.matchAll(/\b(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?\b(?![.,/]?\d)/g)) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = year(m[4], today);
    if (m[2] === '.' && !m[4] && b > 12) continue; // "6.150" is a number, not a date
    if (m[2] === '.' && !m[4] && !/\b(am|bis|le|op|el|on|by|vor|avant|voor|antes del?)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // Day first (the customers are European too), unless only month first makes a date (12/15).
    const [day, mon] = a <= 12 && b > 12 ? [b, a] : [a, b];
    at(m.index, y ? valid(y, mon, day) : upcoming(today, mon, day));
  }
  const monthNames = Object.keys(MONTHS).sort((x, y) => y.length - x.length).join('|');
  // 15 December (2026), 15. Dezember, le 15 décembre, 15 de diciembre
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?(${monthNames})\.?(?:\s+(?:de\s+)?(\d{4}))?(?![\p{L}])`, 'giu'))) {
    const mon = MONTHS[m[2]!.toLowerCase()]!;
    const y = year(m[3], today);
    at(m.index, y ? valid(y, mon, +m[1]!) : upcoming(today, mon, +m[1]!));
  }
  // December 15(th)(, 2026)
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${monthNames})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`, 'giu'))) {
    const mon = MONTHS[m[1]!.toLowerCase()]!;
    const y = year(m[3], today);
    at(m.index, y ? valid(y, mon, +m[2]!) : upcoming(today, mon, +m[2]!));
  }
  for (const [pattern, resolve] of RELATIVE) {
    const m = pattern.exec(text);
    if (m) at(m.index, resolve(today));
  }
  const dayNames = Object.keys(WEEKDAYS).join('|');
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(${dayNames})(?![\p{L}])`, 'giu'))) {
    at(m.index, nextWeekday(today, WEEKDAYS[m[1]!.toLowerCase()]!, false));
  }
  const first = candidates.filter(([, d]) => d).sort((a, b) => a[0] - b[0])[0];
  return first ? iso(first[1]!) : undefined;
}
