// Replies as Markdown: marked turns them into HTML, highlight.js colours code, DOMPurify removes
// anything that could run (scripts, event handlers, javascript: links) before it reaches the page.
import DOMPurify from 'dompurify';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import { Marked, type Tokens } from 'marked';

// A few common languages keep the bundle small; others are shown as plain code.
const LANGUAGES = { bash, css, javascript, json, python, sql, typescript, xml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['js', 'mjs'], { languageName: 'javascript' });
hljs.registerAliases(['ts'], { languageName: 'typescript' });
hljs.registerAliases(['sh', 'shell', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['py'], { languageName: 'python' });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function codeBlock({ text, lang }: Tokens.Code): string {
  const language = (lang ?? '').trim().split(/\s/)[0].toLowerCase();
  const known = language && hljs.getLanguage(language);
  const body = known ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text);
  const label = known ? escapeHtml(language) : 'code';
  return (
    `<div class="code-block"><div class="code-bar"><span>${label}</span>` +
    `<button type="button" class="copy-code" aria-label="Copy ${label}">Copy</button></div>` +
    `<pre><code class="hljs">${body}</code></pre></div>`
  );
}

const marked = new Marked({ gfm: true, breaks: true, renderer: { code: codeBlock } });

/** The tokens the renderer sees: text for speech reads the same Markdown the page shows. */
export function lexMarkdown(text: string) {
  return marked.lexer(text);
}

/** Markdown to HTML, not yet sanitised (exported for tests; the page only uses renderMarkdown). */
export function markdownToHtml(text: string): string {
  return marked.parse(text, { async: false }).trim();
}

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true;
    // Pictures from elsewhere would be a request off this device: only the app's own data: and blob: images.
    DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
      if (node.nodeName === 'IMG' && data.attrName === 'src' && !/^(data:image\/|blob:)/i.test(data.attrValue))
        data.keepAttr = false;
    });
    // Links open outside the app, without telling the site where they came from.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return DOMPurify;
}

/** Safe HTML for a reply. */
export function renderMarkdown(text: string): string {
  return purifier().sanitize(markdownToHtml(text), { FORBID_TAGS: ['style', 'form'], FORBID_ATTR: ['style'] });
}
