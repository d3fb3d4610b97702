// Sentence-sized pieces of text for speechSynthesis: Stop cancels at once, and engines that cut off or
// stall on long utterances never get one.

// Lower-case words before a "." that does not end a sentence. Initials and dotted forms (J., U.S., p.m.)
// are caught by a pattern instead.
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'etc',
  'vs',
  'cf',
  'approx',
  'fig',
]);
// A run of end punctuation, closing quotes or brackets after it, then the whitespace that makes it an end.
// CJK full stops need no space after them.
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s)|[。！？]+["'”’」』)\]]*/g;
const MIN_CHUNK = 20;

/** Whether the "." at `at` in `line` ends an abbreviation, initial or list number rather than a sentence. */
function isAbbreviation(line: string, at: number): boolean {
  // Only the last few characters: an abbreviation is short, and scanning the whole line each time is slow.
  const word = /[\p{L}\p{N}.]*$/u.exec(line.slice(Math.max(0, at - 16), at))?.[0] ?? '';
  if (/^\d+$/.test(word)) return line.slice(0, at - word.length).trim() === ''; // "1. Item" at a line's start
  return ABBREVIATIONS.has(word.toLowerCase()) || /^(?:\p{L}\.)*\p{L}$/u.test(word);
}

function sentences(line: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of line.matchAll(SENTENCE_END)) {
    if (match[0] === '.' && isAbbreviation(line, match.index)) continue;
    const end = match.index + match[0].length;
    pieces.push(line.slice(start, end));
    start = end;
  }
  pieces.push(line.slice(start));
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}

/**
 * Cuts `piece` into parts of at most `max` characters: after the last comma, semicolon or colon in the
 * second half, else at the last space, else hard.
 */
function splitLong(piece: string, max: number): string[] {
  const parts: string[] = [];
  let rest = piece;
  while (rest.length > max) {
    const head = rest.slice(0, max + 1); // one past the limit: a space there still allows a full part
    let cut = 0;
    for (const match of head.matchAll(/[,;:](?=\s)/g)) if (match.index + 1 >= max / 2) cut = match.index + 1;
    if (!cut) for (const match of head.matchAll(/\s/g)) if (match.index > 0) cut = match.index;
    if (!cut) {
      cut = max;
      // Not between the halves of a surrogate pair (an emoji), unless the limit leaves no other choice.
      if (cut > 1 && /[\uD800-\uDBFF]/.test(rest[cut - 1])) cut -= 1;
    }
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * Splits `text` into utterances: at sentence ends (. ! ? … and combinations, with closing quotes or
 * brackets, before whitespace; not after abbreviations, initials or a list number; never inside 3.14)
 * and at line breaks. A piece over `maxChars` is cut after its last comma, semicolon or colon (in its
 * second half), else at its last space, else hard; then a piece under 20 characters joins the next one
 * (the last one joins the one before) where the two fit in `maxChars`. Chunks are trimmed, non-empty and
 * at most `maxChars` long; no character other than whitespace is lost, added or moved. Never throws.
 */
export function sentenceChunks(text: string, maxChars = 200): string[] {
  try {
    if (typeof text !== 'string') return [];
    const max = typeof maxChars === 'number' && !Number.isNaN(maxChars) ? Math.max(1, Math.floor(maxChars)) : 200;
    const pieces = text
      .split(/[\r\n\u2028\u2029]+/)
      .flatMap(sentences)
      .flatMap((piece) => splitLong(piece, max));
    const chunks: string[] = [];
    for (const piece of pieces) {
      const last = chunks.length - 1;
      if (last >= 0 && chunks[last].length < MIN_CHUNK && chunks[last].length + 1 + piece.length <= max)
        chunks[last] += ` ${piece}`;
      else chunks.push(piece);
    }
    const n = chunks.length;
    if (n > 1 && chunks[n - 1].length < MIN_CHUNK && chunks[n - 2].length + 1 + chunks[n - 1].length <= max)
      chunks.splice(n - 2, 2, `${chunks[n - 2]} ${chunks[n - 1]}`);
    return chunks;
  } catch {
    return [];
  }
}
