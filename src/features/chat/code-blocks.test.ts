import { describe, expect, it } from 'vitest';
import { javascriptBlocks } from './code-blocks.ts';

describe('javascriptBlocks', () => {
  it('finds js and javascript fences, in order', () => {
    const text = 'Try this:\n```js\nconsole.log(1);\n```\nor\n```javascript\nreturn 2;\n```';
    expect(javascriptBlocks(text)).toEqual(['console.log(1);', 'return 2;']);
  });

  it('ignores other languages, unlabelled fences and empty blocks', () => {
    expect(javascriptBlocks('```python\nprint(1)\n```\n```\nplain\n```\n```js\n\n```')).toEqual([]);
  });

  it('ignores a block that is still being written', () => {
    expect(javascriptBlocks('```js\nconsole.log(1);')).toEqual([]);
  });
});
