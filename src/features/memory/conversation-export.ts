// One conversation as a file: Markdown to read or share, JSON to keep every field.
import type { Conversation } from '../../db/conversations.ts';
import type { StoredMessage } from '../../db/messages.ts';

const WHO = { user: 'You', assistant: 'Assistant', tool: 'Tool', system: 'System' } as const;

export function conversationMarkdown(conversation: Conversation, messages: StoredMessage[]): string {
  const lines = [
    `# ${conversation.title}`,
    '',
    `Model: ${conversation.modelId} · started ${new Date(conversation.createdAt).toISOString()}`,
    '',
  ];
  for (const message of messages) {
    if (message.role === 'tool' && message.tool) {
      const outcome = message.tool.success ? 'worked' : `failed: ${message.tool.error ?? ''}`;
      lines.push(`> **Tool ${message.tool.name}** ${JSON.stringify(message.tool.arguments)} — ${outcome}`, '');
    } else if (message.text) {
      lines.push(`**${WHO[message.role]}:**`, '', message.text, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function conversationJson(conversation: Conversation, messages: StoredMessage[]): string {
  const plain = messages.map((message) => {
    const display = message.tool?.display;
    if (!message.tool || !display || (display.kind !== 'image' && display.kind !== 'video')) return message;
    return { ...message, tool: { ...message.tool, display: { kind: display.kind, alt: display.alt } } };
  });
  return JSON.stringify({ format: 'forgeai-conversation', version: 1, conversation, messages: plain }, null, 2);
}

/** A safe file name from a title: "About the sea?" → "about-the-sea". */
export function fileNameFor(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'conversation'
  );
}

/** Saves text as a file through the browser's download. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
