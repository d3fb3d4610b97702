// Text for reading replies aloud with speechSynthesis. Replies are Markdown; read raw, a voice would say
// "asterisk", spell out URLs and recite code. marked (the renderer's own parser) decides what is Markdown,
// so what is heard matches what is shown. Long text is spoken in sentence-sized utterances: Stop cancels
// at once, and engines that cut off or stall on long utterances never get one (speech-chunks.ts).
import type { Token, Tokens } from 'marked';
import { lexMarkdown } from '../chat/markdown.ts';
import { parseAvatarTags } from '../avatar/avatar-tags.ts';
import { parseToolCalls } from '../tools/tool-calls.ts';

/** Said where a code block (or long inline code) was: the listener learns that something is on screen. */
const CODE_HINT = '(code)';
/** Said for a URL: spelled out, it is noise. */
const LINK_HINT = 'a link';
/** Inline code up to this length (`npm install`, `useState`) is read as words; longer is CODE_HINT. */
const MAX_SPOKEN_INLINE_CODE = 30;

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
  if (typeof reply !== 'string') return '';
  return speakable(parseAvatarTags(parseToolCalls(reply.replace(TOOL_RESULT, '')).text).text);
}

/** The same for text already shown to people (a reply's visible text: its calls and tags are out). */
export function speakable(visible: string): string {
  try {
    const lines: string[] = [];
    blocks(lexMarkdown(visible), lines);
    return tidy(replaceUrls(lines.join('\n')));
  } catch {
    // marked should not throw; if it ever does, tags and URLs still go.
    try {
      return tidy(replaceUrls(htmlText(visible)));
    } catch {
      return '';
    }
  }
}
