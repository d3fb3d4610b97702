// Earlier messages as chat turns for the next prompt, newest first (the context builder stops reading
// once its budget is full).
import type { StoredMessage } from '../../db/messages.ts';
import type { ChatTurn } from '../../shared/model-types.ts';
import { CLOSE_TAG, OPEN_TAG } from '../tools/tool-calls.ts';

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
 * Failed and empty messages are left out, except a reply that was nothing but tool calls (its text is
 * empty on screen): the model gets its calls back, so the tool results that follow make sense.
 */
export function* historyNewestFirst(messages: StoredMessage[]): Generator<ChatTurn> {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.status === 'error') continue;
    const content = message.text || (message.role === 'assistant' ? callsAfter(messages, i).join('\n') : '');
    if (content) yield { role: message.role, content };
  }
}
