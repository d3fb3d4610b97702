// The current model's mind (wants, motivations, goals): read live per model (another tab's learning shows
// here too), decayed by time, fed into every prompt (a context provider), taught by every turn (a turn
// listener) and by thumbs up/down, and saved after each change.
import { liveQuery, type Subscription } from 'dexie';
import type { AppDB } from '../../db/app-db.ts';
import { loadMind, saveMind } from '../../db/minds.ts';
import { HALF_LIFE_DAYS } from '../../db/setting-schemas.ts';
import { putSetting, readSetting } from '../../db/settings.ts';
import type { Logger } from '../log/logger.ts';
import type { ContextProvider, TurnListener } from '../chat/turn-controller.ts';
import { applyFeedback, decay, learnFromTurn } from './learn.ts';
import { wantsPrompt } from './prompt.ts';
import { exportMind, importMind, seedFromTraining } from './training.ts';
import { emptyMind, type MindChange, type MindState } from './types.ts';

export { HALF_LIFE_DAYS };

export class MindStore {
  mind = $state.raw<MindState>(emptyMind(''));
  halfLifeDays = $state(HALF_LIFE_DAYS);

  #live: Subscription | undefined;

  constructor(
    private readonly db: AppDB,
    private readonly log: Logger,
  ) {}

  /** Switches to a model's mind, brought up to date for the time that passed, and follows it. */
  async use(modelId: string): Promise<void> {
    if (this.mind.modelId === modelId) return;
    this.halfLifeDays = await readSetting(this.db, 'mindHalfLifeDays');
    this.mind = this.#current(await loadMind(this.db, modelId));
    this.#live?.unsubscribe();
    this.#live = liveQuery(() => loadMind(this.db, modelId)).subscribe({
      next: (stored) => {
        if (this.mind.modelId === modelId) this.mind = this.#current(stored);
      },
      error: (error: unknown) => this.log.warn(`The mind stopped updating from storage: ${String(error)}`),
    });
  }

  /** Decay runs from the stored mind's own time stamp, so applying it again never fades twice. */
  #current(stored: MindState): MindState {
    return stored.updatedAt ? decay(stored, Date.now(), this.halfLifeDays) : stored;
  }

  async setHalfLife(days: number): Promise<void> {
    if (!Number.isFinite(days) || days <= 0) throw new Error('The half-life must be a number of days above 0.');
    this.halfLifeDays = days;
    await putSetting(this.db, 'mindHalfLifeDays', days);
  }

  /** Everything that changes the mind goes through here: shown at once, saved, and logged. */
  async commit(next: MindState, changes: MindChange[] = []): Promise<void> {
    this.mind = next;
    for (const change of changes) this.log.debug(`Mind (${change.topic}): ${change.message}`);
    try {
      await saveMind(this.db, next);
    } catch (error) {
      this.log.error(`The mind could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  readonly provider: ContextProvider = {
    name: 'mind',
    contribute: () => wantsPrompt(this.mind),
  };

  /** Learns from a finished (or stopped) turn: the user's message and every round's reply, as shown. */
  readonly learner: TurnListener = async (event) => {
    if (event.type !== 'done' && event.type !== 'stopped') return;
    const { turn } = event;
    const replies = turn.rounds.map((round) => round.reply.text).filter(Boolean);
    const learned = learnFromTurn(this.mind, turn.message, replies.join('\n\n'), Date.now());
    turn.topics.push(...learned.topics);
    this.log.info(`Learning from interaction (topic: ${learned.topics.join(', ') || 'none'})`);
    for (const change of learned.changes) this.log.ok(`Learned (${change.topic}): ${change.message}`);
    await this.commit(learned.state);
  };

  async feedback(topics: string[], vote: 1 | -1): Promise<void> {
    const { state, changes } = applyFeedback(this.mind, topics, vote, Date.now());
    this.log.info(
      `Feedback ${vote > 0 ? 'thumbs up' : 'thumbs down'} on a reply about ${topics.join(', ') || 'no topic'}`,
    );
    await this.commit(state, changes);
  }

  exportJson(): string {
    return exportMind(this.mind);
  }

  async importJson(text: string): Promise<void> {
    await this.commit(importMind(text, this.mind.modelId));
    this.log.ok(`Imported a mind for ${this.mind.modelId}`);
  }

  async importTraining(text: string): Promise<{ added: number; errors: string[] }> {
    const { state, added, errors } = seedFromTraining(this.mind, text, Date.now());
    await this.commit(state);
    this.log.ok(`Training text: ${added} item(s) added to the mind`);
    for (const error of errors) this.log.warn(`Training text: ${error}`);
    return { added, errors };
  }
}
