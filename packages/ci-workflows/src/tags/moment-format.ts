/**
 * The subset of moment.js `format()` that docker/metadata-action's `{{date}}` and
 * `{{commit_date}}` expressions reach, with moment-timezone's `tz` option.
 * @see https://momentjs.com/docs/#/displaying/format/
 */

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC. */
  readonly offset: number;
}

function partsIn(date: Date, timeZone: string): Parts {
  if (timeZone === 'UTC') {
    return {
      year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
      hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(),
      millisecond: date.getUTCMilliseconds(), offset: 0,
    };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new Error(`unknown time zone ${JSON.stringify(timeZone)} (expected an IANA name such as "Asia/Tokyo")`);
  }
  const get = (type: string) => Number(format.formatToParts(date).find((p) => p.type === type)?.value ?? 0);
  const p = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  return { ...p, millisecond: date.getUTCMilliseconds(), offset };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}${colon ? ':' : ''}${pad(Math.abs(offset) % 60)}`;
}

const tokenPattern = /\[[^\]]*\]|YYYY|YY|MM|M|DD|D|HH|H|hh|h|mm|m|ss|s|SSS|X|x|A|a|ZZ|Z/g;

/**
 * Formats `date` in `timeZone` like `moment(date).tz(timeZone).format(format)`.
 * Without a format, moment's defaults apply: `YYYY-MM-DDTHH:mm:ss[Z]` in UTC,
 * `YYYY-MM-DDTHH:mm:ssZ` elsewhere.
 */
export function formatDate(date: Date, format: string | undefined, timeZone = 'UTC'): string {
  const p = partsIn(date, timeZone);
  const pattern = format ?? (p.offset === 0 && timeZone === 'UTC' ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return pattern.replace(tokenPattern, (token) => {
    switch (token) {
      case 'YYYY': return pad(p.year, 4);
      case 'YY': return pad(p.year % 100);
      case 'MM': return pad(p.month);
      case 'M': return String(p.month);
      case 'DD': return pad(p.day);
      case 'D': return String(p.day);
      case 'HH': return pad(p.hour);
      case 'H': return String(p.hour);
      case 'hh': return pad(hour12);
      case 'h': return String(hour12);
      case 'mm': return pad(p.minute);
      case 'm': return String(p.minute);
      case 'ss': return pad(p.second);
      case 's': return String(p.second);
      case 'SSS': return pad(p.millisecond, 3);
      case 'X': return String(Math.floor(date.getTime() / 1000));
      case 'x': return String(date.getTime());
      case 'A': return p.hour < 12 ? 'AM' : 'PM';
      case 'a': return p.hour < 12 ? 'am' : 'pm';
      case 'ZZ': return offsetText(p.offset, false);
      case 'Z': return offsetText(p.offset, true);
      default: return token.slice(1, -1); // [literal]
    }
  });
}
