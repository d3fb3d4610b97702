// The system prompt's tools section, for models whose chat template does not take tool definitions:
// the call format, the tools (most useful first) and one example.
import { OPEN_TAG, CLOSE_TAG } from './tool-calls.ts';
import type { Tool } from './registry.ts';

function signature(tool: Tool): string {
  const params = Object.entries(tool.parameters).map(([name, schema]) => {
    const optional = tool.required?.includes(name) ? '' : '?';
    return `${name}${optional}: ${schema.enum ? schema.enum.map((v) => `"${v}"`).join(' | ') : schema.type}`;
  });
  return `${tool.name}(${params.join(', ')})`;
}

/** Models with a small context get the short form: the format and the tool names only. */
export function toolsPromptSection(tools: Tool[], { compact = false } = {}): string {
  if (!tools.length) return '';
  const example = tools[0];
  const call = (tool: Tool) => `${OPEN_TAG}${JSON.stringify({ name: tool.name, arguments: tool.example })}${CLOSE_TAG}`;
  if (compact)
    return `## Tools\nTo use a tool write ${call(example)} and stop. Tools: ${tools.map((t) => t.name).join(', ')}.`;
  return [
    '## Tools',
    `You can use tools. To use one, write a call exactly like this and then stop: ${OPEN_TAG}{"name": "<tool>", "arguments": {…}}${CLOSE_TAG}`,
    // The result tag itself is not spelled out here: its first appearance in a prompt is a real result.
    'The result comes back in the next message as JSON ({"tool": …, "success": …, "result" or "error": …}); then answer the user with it.',
    'Available tools:',
    ...tools.map(
      (tool) =>
        `- ${signature(tool)}: ${tool.description}${tool.risk ? ` (${tool.risk}: the user is asked first)` : ''}`,
    ),
    `Example: ${call(example)}`,
  ].join('\n');
}
