// The built-in tools, in the order they are offered before any usage statistics exist.
import { ToolRegistry } from '../registry.ts';
import type { ImageProvider } from '../image-providers.ts';
import type { Workspace } from '../workspace.svelte.ts';
import { fileTools } from './files.ts';
import { generateImageTool } from './generate-image.ts';
import { getTimeTool } from './get-time.ts';
import { runCodeTool } from './run-code.ts';

export interface BuiltinDeps {
  workspace: Workspace;
  images: () => ImageProvider;
}

export function builtinTools(deps: BuiltinDeps): ToolRegistry {
  return new ToolRegistry([getTimeTool(), generateImageTool(deps.images), runCodeTool(), ...fileTools(deps.workspace)]);
}
