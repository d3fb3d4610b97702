// get_time: the date and time on this device (models have no clock).
import type { Tool } from '../registry.ts';

export function getTimeTool(now: () => Date = () => new Date()): Tool {
  return {
    name: 'get_time',
    description: 'Gets the current date, time and time zone of the user.',
    parameters: {},
    example: {},
    async run() {
      const date = now();
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const local = date.toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'long' });
      return { result: { iso: date.toISOString(), local, timeZone }, display: { kind: 'text', text: local } };
    },
  };
}
