// Looks for zones whose UTC offset changes twice within 48 hours, sampling every 3 hours.
import { IANAZone } from 'luxon';
const from = Date.UTC(1970, 0, 1), to = Date.UTC(2038, 0, 1), step = 3 * 3600_000;
const found: string[] = [];
for (const name of Intl.supportedValuesOf('timeZone')) {
  const zone = IANAZone.create(name);
  let last = zone.offset(from), lastChange = -Infinity;
  for (let t = from + step; t < to; t += step) {
    const o = zone.offset(t);
    if (o !== last) {
      if (t - lastChange <= 48 * 3600_000) found.push(`${name} ${new Date(lastChange).toISOString()} ${new Date(t).toISOString()}`);
      lastChange = t; last = o;
    }
  }
}
console.log(Intl.supportedValuesOf('timeZone').length, 'zones;', found.length, 'close pairs');
console.log(found.join('\n'));
