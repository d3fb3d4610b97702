// One interface for every tool, and the registry the turn asks: what exists, how to describe it to
// the model (JSON schema), and in which order (most useful first).
import type { ParameterSchema, ToolSchema } from '../../shared/model-types.ts';

/** What a tool shows in the chat besides its result text. */
export type ToolDisplay =
  | { kind: 'text'; text: string }
  | { kind: 'image'; blob: Blob; alt: string }
  | { kind: 'video'; blob: Blob; alt: string }
  | { kind: 'code'; output: string };

export interface ToolOutput {
  /** What the model reads back (JSON-serialisable, kept short). */
  result: unknown;
  display?: ToolDisplay;
}

export interface ToolContext {
  /** Stop aborts the tool. */
  signal: AbortSignal;
  modelId: string;
}

/** Why a tool asks before it runs; tools without a risk run straight away. */
export type ToolRisk = 'writes files' | 'deletes files' | 'runs code' | 'uses the network';

export interface Tool {
  name: string;
  description: string;
  parameters: Record<string, ParameterSchema>;
  required?: string[];
  risk?: ToolRisk;
  /** One example call for the prompt section. */
  example: Record<string, unknown>;
  run(args: Record<string, unknown>, context: ToolContext): Promise<ToolOutput>;
}

export function toolSchema(tool: Tool): ToolSchema {
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: { type: 'object', properties: tool.parameters, required: tool.required ?? [] },
    },
  };
}

/**
 * Checks arguments against a tool's parameters. Hand-written on purpose: schema libraries such as Ajv
 * compile validators with `new Function`, which the app's Content Security Policy forbids.
 */
export function checkArguments(tool: Tool, args: Record<string, unknown>): string | undefined {
  const missing = (tool.required ?? []).filter((name) => args[name] === undefined);
  if (missing.length) return `Missing argument(s): ${missing.join(', ')}.`;
  for (const [name, value] of Object.entries(args)) {
    const schema = Object.hasOwn(tool.parameters, name) ? tool.parameters[name] : undefined;
    if (!schema)
      return `Unknown argument "${name}". ${tool.name} takes: ${Object.keys(tool.parameters).join(', ') || 'nothing'}.`;
    const ok =
      schema.type === 'string'
        ? typeof value === 'string'
        : schema.type === 'boolean'
          ? typeof value === 'boolean'
          : typeof value === 'number' &&
            Number.isFinite(value) &&
            (schema.type === 'number' || Number.isInteger(value));
    if (!ok) return `Argument "${name}" must be ${schema.type === 'integer' ? 'an' : 'a'} ${schema.type}.`;
    if (schema.enum && !schema.enum.includes(value as string))
      return `Argument "${name}" must be one of: ${schema.enum.join(', ')}.`;
  }
  return undefined;
}

export class ToolRegistry {
  readonly #tools = new Map<string, Tool>();

  constructor(tools: Tool[] = []) {
    for (const tool of tools) this.add(tool);
  }

  add(tool: Tool): void {
    if (this.#tools.has(tool.name)) throw new Error(`A tool named ${tool.name} already exists`);
    this.#tools.set(tool.name, tool);
  }

  get(name: string): Tool | undefined {
    return this.#tools.get(name);
  }

  get names(): string[] {
    return [...this.#tools.keys()];
  }

  /** Tools in the order to present them: highest `usefulness` first, then as registered. */
  ordered(usefulness: (name: string) => number = () => 0): Tool[] {
    const tools = [...this.#tools.values()];
    return tools
      .map((tool, index) => ({ tool, index, score: usefulness(tool.name) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map(({ tool }) => tool);
  }
}
