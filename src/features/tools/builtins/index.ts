// The built-in tools, in the order they are offered before any usage statistics exist.
import type { AppDB } from '../../../db/app-db.ts';
import type { ImageProvider } from '../image-providers.ts';
import { ToolRegistry } from '../registry.ts';
import type { Workspace } from '../workspace.svelte.ts';
import { controlAvatarTool, type AvatarControl } from './control-avatar.ts';
import { fetchUrlTool } from './fetch-url.ts';
import { fileTools } from './files.ts';
import { generateImageTool } from './generate-image.ts';
import { generateVideoTool } from './generate-video.ts';
import { getTimeTool } from './get-time.ts';
import { runCodeTool } from './run-code.ts';
import { searchMemoryTool } from './search-memory.ts';

export interface BuiltinDeps {
  db: AppDB;
  workspace: Workspace;
  images: () => ImageProvider;
  /** The learned generator's current colours, for pictures and animations. */
  palette: () => readonly string[];
  avatar: AvatarControl;
}

/** What fetch_url hands back stays inside what the model is given of a tool result (tool-runner.ts). */
const PAGE_TEXT_BUDGET = 1500;

export function builtinTools(deps: BuiltinDeps): ToolRegistry {
  return new ToolRegistry([
    getTimeTool(),
    searchMemoryTool(deps.db, { skipNewestUserMessage: true }),
    generateImageTool(deps.images),
    generateVideoTool(deps.palette),
    runCodeTool(),
    ...fileTools(deps.workspace),
    fetchUrlTool(undefined, PAGE_TEXT_BUDGET),
    controlAvatarTool(deps.avatar),
  ]);
}
