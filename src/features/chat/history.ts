// Earlier messages as chat turns for the next prompt, oldest first. The engine keeps the newest that fit
// its context; this only bounds what is sent to it, so a 2,000-message chat costs no more than a short one.
import type { StoredMessage } from '../../db/messages.ts';
import type { ChatTurn } from '../../shared/model-types.ts';
import { CLOSE_TAG, OPEN_TAG } from '../tools/tool-calls.ts';

/**
 * Characters of history worth sending for a context of `contextLength` tokens: a token is rarely more
 * than 8 characters, so more than this could never fit.
 */
export const historyChars = (contextLength: number): number => contextLength * 8;

/** The calls of the tool messages right after message `index`, written as the model wrote them. */
function callsAfter(messages: StoredMessage[], index: number): string[] {
  const calls: string[] = [];
  for (let i = index + 1; i < messages.length && messages[i].role === 'tool'; i++) {
    const tool = messages[i].tool;
    if (tool) calls.push(`${OPEN_TAG}${JSON.stringify({ name: tool.name, arguments: tool.arguments })}${CLOSE_TAG}`);
  }
  return calls;
}

/**
 * The newest messages, up to `maxChars` characters, oldest first. Failed and empty messages are left out;
 * a reply that called tools gets its calls back (its visible text had them taken out), so the tool results
 * that follow it answer something the model asked.
 */
export function historyTurns(messages: StoredMessage[], maxChars: number): ChatTurn[] {
  const turns: ChatTurn[] = [];
  let chars = 0;
  for (let i = messages.length - 1; i >= 0 && chars < maxChars; i--) {
    const message = messages[i];
    if (message.status === 'error') continue;
    const parts = message.role === 'assistant' ? [message.text, ...callsAfter(messages, i)] : [message.text];
    const content = parts.filter(Boolean).join('\n');
    if (!content) continue;
    turns.push({ role: message.role, content });
    chars += content.length;
  }
  return turns.reverse();
}
