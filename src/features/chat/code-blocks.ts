// JavaScript code blocks in a reply (```js … ```), which get a Run button.

const FENCE = /```(js|javascript|mjs)[ \t]*\n([\s\S]*?)```/gi;

export function javascriptBlocks(text: string): string[] {
  return [...text.matchAll(FENCE)].map((match) => match[2].replace(/\n$/, '')).filter((code) => code.trim());
}
