// P6: history search at different history sizes. Runs in Node on fake-indexeddb (an in-memory
// IndexedDB): it shows how search time grows with the history (index lookups, not a scan), not
// how fast a browser's IndexedDB is.
import 'fake-indexeddb/auto';
import { AppDB } from '../../src/db/app-db.ts';
import { searchMessages } from '../../src/db/search.ts';

const WORDS = ['sea', 'music', 'science', 'weather', 'garden', 'train', 'coffee', 'history', 'rain', 'code'];

/** A conversation history of `size` messages; "lighthouse" appears in every 500th. */
async function history(size: number): Promise<AppDB> {
  const db = new AppDB(`bench-${size}-${Date.now()}`);
  const conversationId = await db.conversations.add({ title: 'bench', modelId: 'm', createdAt: 0, updatedAt: 0 } as never);
  for (let start = 0; start < size; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, size - start) }, (_, k) => {
      const i = start + k;
      const topic = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`;
      return {
        conversationId,
        modelId: 'm',
        role: i % 2 ? 'assistant' : 'user',
        text: `Message ${i} about ${topic}${i % 500 === 0 ? ' and the lighthouse' : ''}, said on day ${i % 365}.`,
        createdAt: i,
        status: 'done',
      };
    });
    await db.messages.bulkAdd(batch as never[]);
  }
  return db;
}

/** Milliseconds per search for a rare word and for two common words, at each size. */
export async function measureSearch(sizes: number[], runs: number) {
  const samples = new Map<number, number[]>();
  for (const size of sizes) {
    const db = await history(size);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await searchMessages(db, 'lighthouse');
      await searchMessages(db, 'coffee rain', { limit: 20 });
      times.push(performance.now() - started);
    }
    samples.set(size, times);
    db.close();
  }
  return samples;
}
