// Text for reading replies aloud with speechSynthesis. Replies are Markdown; read raw, a voice would say
// "asterisk", spell out URLs and recite code. marked (the renderer's own parser) decides what is Markdown,
// so what is heard matches what is shown. Long text is spoken in sentence-sized utterances: Stop cancels
// at once, and engines that cut off or stall on long utterances never get one.
import { Marked, type Token, type Tokens } from 'marked';
import { parseAvatarTags } from '../forge/avatar-tags.ts';
import { parseToolCalls } from '../tools/tool-calls.ts';

/** Said where a code block (or long inline code) was: the listener learns that something is on screen. */
const CODE_HINT = '(code)';
/** Said for a URL: spelled out, it is noise. */
const LINK_HINT = 'a link';
/** Inline code up to this length (`npm install`, `useState`) is read as words; longer is CODE_HINT. */
const MAX_SPOKEN_INLINE_CODE = 30;

// Same options as the chat's renderer (src/lib/chat/markdown.ts): a single newline is a line break.
const lexer = new Marked({ gfm: true, breaks: true });

// Tool results are not the model's words; an unclosed one runs to the end, like an unclosed tool call.
const TOOL_RESULT = /<tool_result>[\s\S]*?(?:<\/tool_result>|$)|<\/tool_result>/gi;
// Never visible on the page (DOMPurify drops scripts; styles and comments do not show).
const HIDDEN_HTML = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const HIDDEN_OPEN = /^<(script|style)\b[^>]*>$/i;
const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'`]+/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENDS_SENTENCE = /[.!?…:;,。！？]["'”’»)\]]*$/;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = decimal ? Number(decimal) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** A URL's trailing punctuation ends the sentence, not the URL. */
function replaceUrls(text: string): string {
  return text.replace(URL, (url) => {
    const trailing = /[.,;:!?'")\]]*$/.exec(url)?.[0] ?? '';
    return LINK_HINT + trailing;
  });
}

/** Raw HTML (marked's html tokens): tags go, their text stays; an image says its alt, a break breaks. */
function htmlText(html: string): string {
  return html.replace(HIDDEN_HTML, '').replace(/<\/?([a-z][\w-]*)\b[^>]*>/gi, (tag, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'img')
      return decodeEntities(/\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag)?.slice(1).join('') ?? '');
    return /^(br|p|div|li|tr|h[1-6]|hr|blockquote|pre|table|ul|ol)$/.test(lower) ? '\n' : '';
  });
}

/** Headings, list items and table rows end with a pause, like a sentence. */
function asSentence(line: string): string {
  const trimmed = line.trim();
  return !trimmed || trimmed === CODE_HINT || ENDS_SENTENCE.test(trimmed) ? trimmed : `${trimmed}.`;
}

function inline(tokens: readonly Token[] | undefined): string {
  let text = '';
  let hidden = ''; // inside an inline <script> or <style>: marked gives its tags and content as separate tokens
  for (const token of tokens ?? []) {
    const html = token.type === 'html' ? token.text.trim() : '';
    if (hidden) {
      if (html.toLowerCase().replace(/\s/g, '') === `</${hidden}>`) hidden = '';
    } else if (HIDDEN_OPEN.test(html)) hidden = HIDDEN_OPEN.exec(html)?.[1].toLowerCase() ?? '';
    else text += inlineToken(token);
  }
  return text;
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text':
      return token.tokens ? inline(token.tokens) : decodeEntities(token.text);
    case 'escape':
      return token.text;
    case 'codespan':
      return token.text.length <= MAX_SPOKEN_INLINE_CODE ? token.text : CODE_HINT;
    case 'br':
      return '\n';
    case 'image':
      return decodeEntities(token.text);
    case 'html':
      return htmlText(token.text);
    case 'checkbox':
      return '';
    default:
      // strong, em, del, link (its text; a URL as text becomes LINK_HINT later) and anything unknown.
      return 'tokens' in token && Array.isArray(token.tokens)
        ? inline(token.tokens)
        : 'text' in token && typeof token.text === 'string'
          ? decodeEntities(token.text)
          : '';
  }
}

/** Appends the lines that block-level `tokens` are heard as. */
function blocks(tokens: readonly Token[] | undefined, lines: string[]): void {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'def':
      case 'checkbox':
        break;
      case 'code':
        lines.push(CODE_HINT);
        break;
      case 'heading':
        lines.push(asSentence(inline(token.tokens)));
        break;
      case 'blockquote':
        blocks(token.tokens, lines);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          const itemLines: string[] = [];
          blocks(item.tokens, itemLines);
          for (const line of itemLines.join('\n').split('\n')) lines.push(asSentence(line));
        }
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          const cells = row.map((cell) => inline(cell.tokens).replace(/\s+/g, ' ').trim()).filter(Boolean);
          lines.push(asSentence(cells.join(', ')));
        }
        break;
      }
      case 'html':
        lines.push(htmlText(token.text));
        break;
      default:
        // paragraph, text (tight list items) and anything unknown.
        lines.push(inlineToken(token));
    }
  }
}

function tidy(text: string): string {
  return text
    .split(/[\r\n\u2028\u2029]+/)
    .map((line) =>
      line
        .replace(/\s+/g, ' ')
        .replace(/ ([.,;:!?…]+)(?=\s|$)/g, '$1')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

/**
 * What to say for `reply`: its words without Markdown, code, tool calls, avatar tags, HTML tags or URLs.
 * A code block becomes "(code)" (an unclosed one at the end too); inline code of up to 30 characters is
 * read as words, longer is "(code)"; links read their text, images their alt text, bare URLs "a link";
 * headings, list items and table rows (cells joined by commas) end with a period. Blocks and line breaks
 * stay as single newlines, each line with single spaces. Never throws.
 */
export function textForSpeech(reply: string): string {
  try {
    if (typeof reply !== 'string') return '';
    const visible = parseAvatarTags(parseToolCalls(reply.replace(TOOL_RESULT, '')).text).text;
    const lines: string[] = [];
    blocks(lexer.lexer(visible), lines);
    return tidy(replaceUrls(lines.join('\n')));
  } catch {
    // marked should not throw; if it ever does, tags and URLs still go.
    try {
      return tidy(replaceUrls(htmlText(reply)));
    } catch {
      return '';
    }
  }
}

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

const RECOGNITION_ERRORS: Record<string, string> = {
  'not-allowed':
    'Microphone access is blocked. Allow the microphone for this site in your browser’s site settings ' +
    '(the icon next to the address bar), then try again.',
  'service-not-allowed':
    'The browser does not allow speech recognition here. Check that the microphone is allowed for this ' +
    'site in your browser’s site settings, and that speech recognition is not turned off in the browser.',
  'no-speech': 'No speech was heard. Try again, speaking a little closer to the microphone.',
  'audio-capture':
    'No microphone was found, or another app is using it. Check that one is connected and free, then try again.',
  network:
    'Speech recognition needs the internet: this browser sends the audio to its speech service on a server, ' +
    'so it cannot work offline. Type your message instead, or try again when you are online.',
  aborted: 'Listening stopped.',
  'language-not-supported':
    'Speech recognition does not support the chosen language in this browser. Pick another language or type ' +
    'your message.',
  'bad-grammar': 'The speech recognizer could not use its word list. Try again.',
};

/** A plain-language message for a SpeechRecognitionErrorEvent's `error` code. Never throws. */
export function recognitionErrorMessage(error: string): string {
  const code = typeof error === 'string' ? error.trim() : '';
  if (Object.hasOwn(RECOGNITION_ERRORS, code)) return RECOGNITION_ERRORS[code];
  const shown = code.slice(0, 60);
  return shown
    ? `Speech recognition failed (${shown}). Try again, or type your message.`
    : 'Speech recognition failed. Try again, or type your message.';
}
