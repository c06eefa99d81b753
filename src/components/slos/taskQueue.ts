/** Runs async tasks with at most `limit` of them at once, in the order they were pushed. */
export interface TaskQueue {
  /** Queues `task`; the returned function drops it if it has not started (a started one runs to its end). */
  push(task: () => Promise<unknown>): () => void;
}

export function taskQueue(limit: number): TaskQueue {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`limit: must be a whole number, 1 or more, got ${limit}`);
  }
  // Entries, not the tasks themselves, so that the same task pushed twice is dropped once.
  const waiting: Array<{ task: () => Promise<unknown> }> = [];
  let running = 0;

  const startNext = () => {
    while (running < limit) {
      const entry = waiting.shift();
      if (!entry) {
        return;
      }
      running++;
      // A task that fails (or throws before its promise) frees its place too; its caller handles its error.
      const finish = () => {
        running--;
        startNext();
      };
      Promise.resolve().then(entry.task).then(finish, finish);
    }
  };

  return {
    push(task) {
      const entry = { task };
      waiting.push(entry);
      startNext();
      return () => {
        const index = waiting.indexOf(entry);
        if (index >= 0) {
          waiting.splice(index, 1);
        }
      };
    },
  };
}
