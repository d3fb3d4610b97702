// One conversation on screen: sends a message, runs its turn (turn-controller.ts) and saves what the turn
// writes (turn-writer.ts) as it goes. The messages shown are read live from IndexedDB, so a reply another
// tab writes shows as it grows.
import { liveQuery, type Subscription } from 'dexie';
import type { AppDB } from '../../db/app-db.ts';
import {
  createConversation,
  getConversation,
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
import { log } from '../log/logger.ts';
import { historyChars, historyTurns } from './history.ts';
import { ReplyLocks } from './reply-locks.ts';
import { ShownMessages } from './shown-messages.ts';
import type { TurnController, TurnSetup } from './turn-controller.ts';
import { TurnWriter } from './turn-writer.ts';

export interface ChatSessionOptions {
  /** What a turn runs with now; undefined while no model is loaded. */
  setup: () => TurnSetup | undefined;
  /** The active persona's id, remembered by each new conversation. */
  personaId: () => string;
  /** A thumbs up/down on a reply, with the topics that turn was about. */
  onFeedback?: (topics: string[], vote: 1 | -1) => Promise<void>;
}

export class ChatSession {
  conversation = $state.raw<Conversation | null>(null);
  messages = $state<StoredMessage[]>([]);
  error = $state('');
  /** A message to bring into view and mark (a search result); cleared by the next send. */
  focusId = $state<number | null>(null);

  private readonly locks = new ReplyLocks();
  private readonly shown = new ShownMessages();
  private live: Subscription | undefined;
  /** Locks of the replies this turn writes, let go when the turn ends. */
  private heldReplies: (() => void)[] = [];

  /** Saves the turn being run; subscribed first, so a reply is saved before anything else acts on it. */
  #writer: TurnWriter | undefined;

  constructor(
    private readonly db: AppDB,
    private readonly turns: TurnController,
    private readonly options: ChatSessionOptions,
  ) {
    turns.on('Saving the reply', (event) => this.#writer?.listener(event));
  }

  /** Shows the most recent conversation again after a reload. */
  async restore(): Promise<void> {
    // Replies cut off by a closed page become "stopped"; those another open tab still writes do not.
    await this.locks.sweep(() => markInterruptedReplies(this.db, this.locks));
    const latest = await latestConversation(this.db);
    if (!latest) return;
    this.conversation = latest;
    this.show(latest.id, await messagesOf(this.db, latest.id));
  }

  /** Shows a saved conversation, at `focusId` (a search result) if given; false if it no longer exists. */
  async open(conversationId: number, focusId: number | null = null): Promise<boolean> {
    if (this.busy) return false;
    const conversation = await getConversation(this.db, conversationId);
    if (!conversation) return false;
    this.conversation = conversation;
    this.show(conversation.id, await messagesOf(this.db, conversation.id));
    this.focusId = focusId;
    this.error = '';
    return true;
  }

  newChat(): void {
    this.conversation = null;
    this.show(undefined, []);
    this.focusId = null;
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

  /** True from Send until the turn is over and saved. */
  sending = $state(false);

  get busy(): boolean {
    return this.sending;
  }

  async send(text: string): Promise<void> {
    const content = text.trim();
    const setup = this.options.setup();
    if (!content || !setup || this.busy) return;
    this.error = '';
    this.focusId = null;
    this.sending = true;
    try {
      await this.sendTurn(content, setup);
    } catch (error) {
      // Only storage can fail outside the turn (a full disk): say so; nothing on screen is lost.
      this.error = `Your message could not be saved in the browser's storage (${error instanceof Error ? error.message : String(error)}). Free some disk space and send again.`;
      log.error(this.error);
    } finally {
      this.endTurn();
      this.sending = false;
    }
  }

  private async sendTurn(content: string, setup: TurnSetup): Promise<void> {
    const { modelId, contextLength } = setup.engine;
    let conversation = this.conversation;
    if (!conversation) {
      conversation = await createConversation(this.db, modelId, content.slice(0, 60), this.options.personaId());
      this.conversation = conversation;
      this.show(conversation.id, []);
    }
    const history = historyTurns(this.messages, historyChars(contextLength));
    const base = { conversationId: conversation.id, modelId };
    await this.addOwn({ ...base, role: 'user', text: content, status: 'done' });
    this.#writer = new TurnWriter({ add: (message) => this.addOwn(message), save: (id, c) => this.save(id, c) }, base);
    try {
      const turn = await this.turns.run(setup, content, history);
      if (turn.status === 'failed') this.error = `The reply failed: ${turn.error}`;
      // What the turn was about (the mind adds it), kept with the reply for thumbs up/down.
      const last = this.messages.find((m) => m.id === turn.rounds.at(-1)?.messageId);
      if (last && turn.topics.length) {
        last.topics = turn.topics.filter((topic, i, all) => all.indexOf(topic) === i);
        await this.save(last.id, { topics: [...last.topics] });
      }
    } finally {
      this.#writer = undefined;
    }
  }

  /** A failed write (full disk, blocked storage) is shown, not thrown: the reply stays on screen. */
  private async save(id: number, changes: Parameters<typeof updateMessage>[2]): Promise<void> {
    try {
      await updateMessage(this.db, id, changes);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.error = `This reply could not be saved in the browser's storage (${reason}). Free some disk space; the text is still shown here.`;
    }
  }

  stop(): void {
    this.turns.stop();
  }

  /** Thumbs up/down on a reply: saved on the message and passed on to what learns from it. */
  async feedback(message: StoredMessage, vote: 1 | -1): Promise<void> {
    const target = this.messages.find((m) => m.id === message.id);
    if (!target || target.feedback === vote) return;
    target.feedback = vote;
    await this.save(target.id, { feedback: vote });
    await this.options.onFeedback?.($state.snapshot(target.topics) ?? [], vote);
  }

  /** The conversation switches persona (one per conversation): remembered for when it is opened again. */
  async usePersona(personaId: string): Promise<void> {
    if (!this.conversation) return;
    this.conversation = { ...this.conversation, personaId };
    await setConversationPersona(this.db, this.conversation.id, personaId);
  }
}
