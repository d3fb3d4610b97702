// One conversation on screen: sends a message, streams the reply into it and saves both as it goes.
import type { AppDB } from '../db/app-db.ts';
import {
  createConversation,
  latestConversation,
  setConversationPersona,
  type Conversation,
} from '../db/conversations.ts';
import { addMessage, markInterruptedReplies, messagesOf, updateMessage, type StoredMessage } from '../db/messages.ts';
import type { ModelClient } from '../model/model-client.svelte.ts';
import {
  DEFAULT_GENERATION,
  type ChatTurn,
  type GenerationSettings,
  type LoadedModel,
} from '../../workers/api-types.ts';
import { runTurn, type ContextProvider, type ModelPort, type ReplyProcessor } from '../forge/turn.ts';
import { log } from '../log/logger.ts';
import { parseAvatarTags, StreamingTagStripper } from '../forge/avatar-tags.ts';

export interface ChatSessionOptions {
  /** The active persona's part of the system prompt. */
  personality: () => string;
  /** The active persona's id, remembered by each new conversation. */
  personaId: () => string;
  providers?: ContextProvider[];
  processors?: ReplyProcessor[];
  /** A thumbs up/down on a reply, with the topics that turn was about. */
  onFeedback?: (topics: string[], vote: 1 | -1) => Promise<void>;
  /** Where the turn is, for the avatar: the prompt is being built / the reply streams / it failed. */
  onPhase?: (phase: 'thinking' | 'speaking' | 'failed') => void;
  /** Reply length and sampling (Settings); the defaults when left out. */
  generation?: () => GenerationSettings;
}

/** Earlier messages as chat turns, newest first, read only as far as the context builder asks. */
function* newestFirst(messages: StoredMessage[]): Generator<ChatTurn> {
  for (let i = messages.length - 1; i >= 0; i--) yield { role: messages[i].role, content: messages[i].text };
}

/** How often a streaming reply is written to IndexedDB (it is always written at the end). */
const SAVE_INTERVAL_MS = 250;

export class ChatSession {
  conversation = $state.raw<Conversation | null>(null);
  messages = $state<StoredMessage[]>([]);
  error = $state('');

  constructor(
    private readonly db: AppDB,
    private readonly model: ModelClient,
    private readonly options: ChatSessionOptions,
  ) {}

  /** Shows the most recent conversation again after a reload. */
  async restore(): Promise<void> {
    await markInterruptedReplies(this.db);
    const latest = await latestConversation(this.db);
    if (!latest) return;
    this.conversation = latest;
    this.messages = await messagesOf(this.db, latest.id);
  }

  newChat(): void {
    this.conversation = null;
    this.messages = [];
    this.error = '';
  }

  /** True from Send until the reply is saved (building the prompt comes before the model is busy). */
  sending = $state(false);

  get busy(): boolean {
    return this.sending || this.model.status === 'generating';
  }

  async send(text: string): Promise<void> {
    const content = text.trim();
    const loaded = this.model.loaded;
    if (!content || !loaded || this.busy) return;
    this.error = '';
    this.sending = true;
    try {
      await this.sendTurn(content, loaded);
    } catch (error) {
      // Only storage can fail before the turn starts (a full disk): say so; nothing on screen is lost.
      this.error = `Your message could not be saved in the browser's storage (${error instanceof Error ? error.message : String(error)}). Free some disk space and send again.`;
      log.error(this.error);
    } finally {
      this.sending = false;
    }
  }

  private async sendTurn(content: string, loaded: LoadedModel): Promise<void> {
    const conversation =
      this.conversation ??
      (await createConversation(this.db, loaded.modelId, content.slice(0, 60), this.options.personaId()));
    this.conversation = conversation;
    const earlier = this.messages.filter((m) => m.status !== 'error' && m.text);
    const base = { conversationId: conversation.id, modelId: loaded.modelId };
    this.messages.push(await addMessage(this.db, { ...base, role: 'user', text: content, status: 'done' }));
    this.messages.push(await addMessage(this.db, { ...base, role: 'assistant', text: '', status: 'streaming' }));
    // Keep working with the proxied object in the array, so every change shows on screen.
    const reply = this.messages[this.messages.length - 1];
    let lastSave = 0;
    let finished = false;
    // Avatar tags ([emotion:happy] …) act on the avatar and never show in the text.
    const stripper = new StreamingTagStripper();
    this.options.onPhase?.('thinking');
    const onText = (piece: string) => {
      // Streamed pieces travel on their own channel and can arrive after the result: ignore those.
      if (finished) return;
      log.token(piece);
      const shown = stripper.push(piece);
      if (!shown) return;
      if (!reply.text) this.options.onPhase?.('speaking');
      reply.text += shown;
      if (performance.now() - lastSave > SAVE_INTERVAL_MS) {
        lastSave = performance.now();
        void this.saveReply(reply.id, { text: reply.text });
      }
    };
    const saveReply: ReplyProcessor = {
      name: 'Saving the reply',
      process: async ({ result }) => {
        finished = true;
        reply.text = parseAvatarTags(result.text).text;
        reply.status = result.finishReason === 'stopped' ? 'stopped' : 'done';
        reply.stats = {
          tokens: result.tokens,
          tokensPerSecond: result.tokensPerSecond,
          timeToFirstTokenMs: result.timeToFirstTokenMs,
        };
        reply.prompt = { text: result.prompt, tokens: result.promptTokens };
        await this.saveReply(
          reply.id,
          $state.snapshot({ text: reply.text, status: reply.status, stats: reply.stats, prompt: reply.prompt }),
        );
      },
    };
    const rememberTopics: ReplyProcessor = {
      name: 'Remembering the topics',
      process: async ({ topics }) => {
        reply.topics = topics.filter((topic, i) => topics.indexOf(topic) === i);
        await this.saveReply(reply.id, { topics: $state.snapshot(reply.topics) });
      },
    };
    try {
      await runTurn(
        {
          model: this.modelPort(loaded),
          log,
          personality: this.options.personality,
          providers: this.options.providers ?? [],
          processors: [saveReply, ...(this.options.processors ?? []), rememberTopics],
          settings: this.options.generation?.() ?? DEFAULT_GENERATION,
        },
        { userMessage: content, modelId: loaded.modelId },
        newestFirst(earlier),
        onText,
      );
    } catch (error) {
      finished = true;
      reply.status = 'error';
      reply.error = error instanceof Error ? error.message : String(error);
      this.error = `The reply failed: ${reply.error}`;
      log.error(this.error);
      this.options.onPhase?.('failed');
      await this.saveReply(reply.id, { text: reply.text, status: reply.status, error: reply.error });
    }
  }

  private modelPort(loaded: LoadedModel): ModelPort {
    return {
      modelId: loaded.modelId,
      contextLength: loaded.contextLength,
      promptTokens: (turns) => this.model.promptTokens(turns),
      turnTokens: (turn) => this.model.turnTokens(turn),
      generate: (turns, settings, onText) => this.model.chat(turns, settings, onText),
    };
  }

  /** A failed write (full disk, blocked storage) is shown, not thrown: the reply stays on screen. */
  private async saveReply(id: number, changes: Parameters<typeof updateMessage>[2]): Promise<void> {
    try {
      await updateMessage(this.db, id, changes);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.error = `This reply could not be saved in the browser's storage (${reason}). Free some disk space; the text is still shown here.`;
    }
  }

  stop(): void {
    this.model.stop();
  }

  /** Thumbs up/down on a reply: saved on the message and passed on to what learns from it. */
  async feedback(message: StoredMessage, vote: 1 | -1): Promise<void> {
    const target = this.messages.find((m) => m.id === message.id);
    if (!target || target.feedback === vote) return;
    target.feedback = vote;
    await this.saveReply(target.id, { feedback: vote });
    await this.options.onFeedback?.($state.snapshot(target.topics) ?? [], vote);
  }

  /** The conversation switches persona (one per conversation): remembered for when it is opened again. */
  async usePersona(personaId: string): Promise<void> {
    if (!this.conversation) return;
    this.conversation = { ...this.conversation, personaId };
    await setConversationPersona(this.db, this.conversation.id, personaId);
  }
}
