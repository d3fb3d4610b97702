// The words a message is found by (the `*words` index; see search.ts). Its own module: the database's
// version history (schema.ts) needs it in every thread, the search code only in the app.
const MAX_WORDS = 1000;

/** Lower case, letters and digits, two characters or more; at most MAX_WORDS distinct ones. */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]{2,}/gu)) {
    words.add(match[0]);
    if (words.size >= MAX_WORDS) break;
  }
  return [...words];
}
