// One conversation on screen: sends a message, streams the reply into it and saves both as it goes.
// The messages shown are read live from IndexedDB, so a reply another tab writes shows as it grows.
import { liveQuery, type Subscription } from 'dexie';
import type { AppDB } from '../../db/app-db.ts';
import {
  createConversation,
  latestConversation,
  setConversationPersona,
  type Conversation,
} from '../../db/conversations.ts';
import {
  addMessage,
  markInterruptedReplies,
  messagesOf,
  updateMessage,
  type NewMessage,
  type StoredMessage,
} from '../../db/messages.ts';
import type { ModelClient } from '../model/model-client.svelte.ts';
import { DEFAULT_GENERATION, type GenerationSettings, type LoadedModel } from '../../shared/model-types.ts';
import { runTurn, type ContextProvider, type ModelPort, type ReplyProcessor } from './turn.ts';
import { log } from '../log/logger.ts';
import { ReplyStream, type SaveMessage } from './reply-stream.ts';
import { historyNewestFirst } from './history.ts';
import { chatToolRounds, type ChatToolHooks } from './chat-tools.ts';
import type { Toolbox } from '../tools/toolbox.svelte.ts';
import { ReplyLocks } from './reply-locks.ts';
import { ShownMessages } from './shown-messages.ts';

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
  onPhase?: (phase: 'thinking' | 'speaking' | 'failed' | { working: string }) => void;
  /** Reply length and sampling (Settings); the defaults when left out. */
  generation?: () => GenerationSettings;
  /** Tool calling; without it, tool calls in replies are only hidden. */
  tools?: Toolbox;
}

export class ChatSession {
  conversation = $state.raw<Conversation | null>(null);
  messages = $state<StoredMessage[]>([]);
  error = $state('');

  private readonly locks = new ReplyLocks();
  private readonly shown = new ShownMessages();
  private live: Subscription | undefined;
  /** Locks of the replies this turn writes, let go when the turn ends. */
  private heldReplies: (() => void)[] = [];

  constructor(
    private readonly db: AppDB,
    private readonly model: ModelClient,
    private readonly options: ChatSessionOptions,
  ) {}

  /** Shows the most recent conversation again after a reload. */
  async restore(): Promise<void> {
    // Replies cut off by a closed page become "stopped"; those another open tab still writes do not.
    await this.locks.sweep(() => markInterruptedReplies(this.db, this.locks));
    const latest = await latestConversation(this.db);
    if (!latest) return;
    this.conversation = latest;
    this.show(latest.id, await messagesOf(this.db, latest.id));
  }

  /** Shows a saved conversation (from search); false if it no longer exists. */
  async open(conversationId: number): Promise<boolean> {
    if (this.busy) return false;
    const conversation = await this.db.conversations.get(conversationId);
    if (!conversation) return false;
    this.conversation = conversation;
    this.show(conversation.id, await messagesOf(this.db, conversation.id));
    this.error = '';
    return true;
  }

  newChat(): void {
    this.conversation = null;
    this.show(undefined, []);
    this.error = '';
  }

  /** Shows a conversation's messages and follows its changes in the database, from any tab. */
  private show(conversationId: number | undefined, messages: StoredMessage[]): void {
    this.live?.unsubscribe();
    this.live = undefined;
    this.shown.reset();
    this.messages = this.shown.merge([], messages);
    if (conversationId === undefined) return;
    this.live = liveQuery(() => messagesOf(this.db, conversationId)).subscribe({
      next: (stored) => {
        if (this.conversation?.id === conversationId) this.messages = this.shown.merge(this.messages, stored);
      },
      error: (error: unknown) => log.warn(`The conversation stopped updating from storage: ${String(error)}`),
    });
  }

  /**
   * Adds a message this tab writes and shows it at once. Streaming ones (replies, running tools) hold
   * their lock until the turn ends, so other tabs starting up leave them alone.
   */
  private async addOwn(message: NewMessage): Promise<StoredMessage> {
    const add = () => addMessage(this.db, message);
    const { message: stored, release } =
      message.status === 'streaming' ? await this.locks.create(add) : { message: await add(), release: undefined };
    if (release) this.heldReplies.push(release);
    // The live query may have shown the new row already: keep one entry per message.
    const at = this.messages.findIndex((m) => m.id === stored.id);
    if (at === -1) this.messages.push(stored);
    else this.messages[at] = stored;
    // The proxied object in the array, so every later change shows on screen.
    const shown = this.messages[at === -1 ? this.messages.length - 1 : at];
    this.shown.adopt(shown);
    return shown;
  }

  /** The turn is over and its messages saved as they ended: other tabs may now sweep them. */
  private endTurn(): void {
    for (const release of this.heldReplies.splice(0)) release();
    this.shown.doneWriting();
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
      this.endTurn();
      this.sending = false;
    }
  }

  private async sendTurn(content: string, loaded: LoadedModel): Promise<void> {
    let conversation = this.conversation;
    if (!conversation) {
      conversation = await createConversation(this.db, loaded.modelId, content.slice(0, 60), this.options.personaId());
      this.conversation = conversation;
      this.show(conversation.id, []);
    }
    const earlier = [...this.messages];
    const base = { conversationId: conversation.id, modelId: loaded.modelId };
    await this.addOwn({ ...base, role: 'user', text: content, status: 'done' });
    this.options.onPhase?.('thinking');
    let reply = await this.startReply(base);
    this.toolAbort = new AbortController();
    const save: SaveMessage = (id, changes) => this.saveReply(id, changes);
    const hooks: ChatToolHooks = {
      addToolMessage: async (tool) => {
        this.options.onPhase?.({ working: tool.name });
        return this.addOwn({ ...base, role: 'tool', text: '', status: 'streaming', tool });
      },
      saveMessage: save,
      nextReply: async (previous) => {
        await reply.finish(previous);
        this.options.onPhase?.('thinking');
        reply = await this.startReply(base);
        return this.streamTo(reply);
      },
    };
    const saveReply: ReplyProcessor = { name: 'Saving the reply', process: ({ result }) => reply.finish(result) };
    const rememberTopics: ReplyProcessor = {
      name: 'Remembering the topics',
      process: async ({ topics }) => {
        reply.message.topics = topics.filter((topic, i) => topics.indexOf(topic) === i);
        await this.saveReply(reply.message.id, { topics: [...reply.message.topics] });
      },
    };
    const { tools } = this.options;
    try {
      await runTurn(
        {
          model: this.modelPort(loaded),
          log,
          personality: this.options.personality,
          providers: this.options.providers ?? [],
          processors: [saveReply, ...(this.options.processors ?? []), rememberTopics],
          settings: this.options.generation?.() ?? DEFAULT_GENERATION,
          tools: tools && chatToolRounds(tools, loaded.modelId, log, this.toolAbort.signal, hooks),
        },
        { userMessage: content, modelId: loaded.modelId },
        historyNewestFirst(earlier),
        this.streamTo(reply),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.error = `The reply failed: ${reason}`;
      log.error(this.error);
      this.options.onPhase?.('failed');
      await reply.fail(reason);
    }
  }

  private toolAbort: AbortController | undefined;

  /** A new, empty assistant message on screen, streaming. */
  private async startReply(base: { conversationId: number; modelId: string }): Promise<ReplyStream> {
    const message = await this.addOwn({ ...base, role: 'assistant', text: '', status: 'streaming' });
    return new ReplyStream(
      message,
      (id, changes) => this.saveReply(id, changes),
      () => this.options.onPhase?.('speaking'),
    );
  }

  private streamTo(reply: ReplyStream): (piece: string) => void {
    return (piece) => {
      log.token(piece);
      reply.onText(piece);
    };
  }

  private modelPort(loaded: LoadedModel): ModelPort {
    return {
      modelId: loaded.modelId,
      contextLength: loaded.contextLength,
      promptTokens: (turns) => this.model.promptTokens(turns),
      turnTokens: (turn) => this.model.turnTokens(turn),
      generate: (turns, settings, onText, tools) => this.model.chat(turns, settings, onText, tools),
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
    this.toolAbort?.abort();
    this.options.tools?.preferences.cancelPending();
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
