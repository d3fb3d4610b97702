import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown.ts';

describe('markdownToHtml', () => {
  it('renders emphasis, lists and line breaks', () => {
    const html = markdownToHtml('**Bold** and _it_\n\n- one\n- two\nline\nbreak');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('line<br>break');
  });

  it('highlights known languages, with a copy button named after the language', () => {
    const html = markdownToHtml('```python\ndef f(): return 1\n```');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('aria-label="Copy python"');
  });

  it('escapes code in unknown languages instead of highlighting it', () => {
    const html = markdownToHtml('```brainfuck\n<b>&</b>\n```');
    expect(html).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).toContain('aria-label="Copy code"');
    expect(html).not.toContain('<b>');
  });

  it('treats a language alias like the language (js → javascript)', () => {
    expect(markdownToHtml('```js\nconst a = 1;\n```')).toContain('<span class="hljs-keyword">const</span>');
  });
});
