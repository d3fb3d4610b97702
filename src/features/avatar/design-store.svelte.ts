// The learned generator, per model: starts from the shipped training set, learns from training text and
// from thumbs on designs, and makes the avatar's design from the persona's traits and the current wants.
import type { AppDB } from '../../db/app-db.ts';
import type { Logger } from '../log/logger.ts';
import { loadDesignMemory, saveDesignMemory } from '../../db/design-memories.ts';
import { DEFAULT_TRAINING } from './designs/default-training.ts';
import { designWants } from './designs/design-wants.ts';
import { generateDesign, recordDesign, regenerate } from './designs/generate.ts';
import { applyDesignFeedback, learnFromTraining } from './designs/learn.ts';
import { emptyDesignMemory, type Design, type DesignMemory } from './designs/types.ts';
import type { Traits } from '../persona/personality.ts';
import type { MindState } from '../mind/types.ts';

export { designWants };

export class DesignStore {
  memory = $state.raw<DesignMemory>(emptyDesignMemory(''));
  current = $state.raw<Design | null>(null);

  constructor(
    private readonly db: AppDB,
    private readonly log: Logger,
  ) {}

  async use(modelId: string, traits: Traits, mind: MindState): Promise<void> {
    if (this.memory.modelId === modelId) return;
    let memory = await loadDesignMemory(this.db, modelId);
    if (!memory) {
      memory = learnFromTraining(emptyDesignMemory(modelId), DEFAULT_TRAINING, Date.now()).memory;
      this.log.debug(`Learned generator: started ${modelId} from the built-in training set`);
    }
    this.memory = memory;
    this.current = memory.history.at(-1) ?? null;
    if (!this.current) await this.generate(traits, mind);
  }

  /** A fresh design from what the generator knows now (seeded: same inputs, same design). */
  async generate(traits: Traits, mind: MindState): Promise<Design> {
    const wants = designWants(mind);
    const design = this.current
      ? regenerate(this.memory, traits, wants, this.current, Date.now())
      : generateDesign(this.memory, traits, wants, 1, Date.now());
    this.log.info(
      `Generated avatar design: ${design.form}, ${design.motion.pattern}, palette ${design.palette.join(' ')} (from ${design.sources.join(', ') || 'defaults'})`,
    );
    await this.save(recordDesign(this.memory, design));
    this.current = design;
    return design;
  }

  async feedback(liked: boolean): Promise<void> {
    if (!this.current) return;
    await this.save(applyDesignFeedback(this.memory, this.current.id, liked, Date.now()));
    this.current = this.memory.history.find((d) => d.id === this.current?.id) ?? this.current;
    this.log.info(`Design ${liked ? 'liked' : 'disliked'}: the generator's confidence in its parts moved`);
  }

  async importTraining(text: string): Promise<{ learned: number; errors: string[] }> {
    const { memory, learned, errors } = learnFromTraining(this.memory, text, Date.now());
    await this.save(memory);
    this.log.ok(`Learned ${learned} design pattern(s) from training text`);
    for (const error of errors) this.log.warn(`Design training: ${error}`);
    return { learned, errors };
  }

  private async save(memory: DesignMemory): Promise<void> {
    this.memory = memory;
    await saveDesignMemory(this.db, memory);
  }
}
