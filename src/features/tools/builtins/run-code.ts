// run_code: JavaScript in the sandbox (see code-sandbox.ts), with a time limit and its console output.
import { DEFAULT_TIME_LIMIT_MS, runJavaScript } from '../sandbox/code-sandbox.ts';
import type { Tool } from '../registry.ts';

export function runCodeTool(): Tool {
  return {
    name: 'run_code',
    description:
      'Runs JavaScript in a sandbox with no network and no access to the page or the app data, for at most ' +
      '5 seconds and 200 lines of output. Use console.log for output and `return` for a result.',
    parameters: {
      language: { type: 'string', description: 'The language of the code', enum: ['javascript'] },
      code: { type: 'string', description: 'The code to run' },
    },
    required: ['code'],
    risk: 'runs code',
    example: { language: 'javascript', code: 'return 6 * 7;' },
    async run(args, { signal }) {
      const run = await runJavaScript(String(args.code), { timeLimitMs: DEFAULT_TIME_LIMIT_MS, signal });
      const shown = [
        ...run.output,
        ...(run.result !== undefined ? [`→ ${run.result}`] : []),
        ...(run.error ? [run.error] : []),
      ];
      if (!run.ok)
        throw new Error(`${run.error}${run.output.length ? `\nOutput before that:\n${run.output.join('\n')}` : ''}`);
      return {
        result: { output: run.output, result: run.result ?? null, ms: run.durationMs },
        display: { kind: 'code', output: shown.join('\n') || '(no output)' },
      };
    },
  };
}
