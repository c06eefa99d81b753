import { taskQueue } from './taskQueue';

/** A task that records when it starts and finishes when the test says so. */
function deferredTasks() {
  const started: string[] = [];
  const finishers = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const task = (name: string) => () =>
    new Promise<void>((resolve, reject) => {
      started.push(name);
      finishers.set(name, { resolve, reject });
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    started,
    task,
    settle,
    finish: (name: string) => finishers.get(name)?.resolve(),
    fail: (name: string) => finishers.get(name)?.reject(new Error(name)),
  };
}

describe('taskQueue', () => {
  it('runs at most the limit at once, in the order pushed', async () => {
    const { started, task, settle, finish } = deferredTasks();
    const queue = taskQueue(2);
    ['a', 'b', 'c', 'd', 'e'].forEach((name) => queue.push(task(name)));
    await settle();
    expect(started).toEqual(['a', 'b']);

    finish('b');
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);

    finish('a');
    finish('c');
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('never starts a dropped task, and lets the next one take its place', async () => {
    const { started, task, settle, finish } = deferredTasks();
    const queue = taskQueue(1);
    queue.push(task('a'));
    const dropB = queue.push(task('b'));
    queue.push(task('c'));
    dropB();
    await settle();
    finish('a');
    await settle();
    expect(started).toEqual(['a', 'c']);
  });

  it('dropping a started task does not stop it or free its place early', async () => {
    const { started, task, settle, finish } = deferredTasks();
    const queue = taskQueue(1);
    const dropA = queue.push(task('a'));
    queue.push(task('b'));
    await settle();
    dropA();
    await settle();
    expect(started).toEqual(['a']);
    finish('a');
    await settle();
    expect(started).toEqual(['a', 'b']);
  });

  it('goes on after a task fails or throws', async () => {
    const { started, task, settle, fail } = deferredTasks();
    const queue = taskQueue(1);
    queue.push(task('a'));
    queue.push(() => {
      throw new Error('bug');
    });
    queue.push(task('c'));
    await settle();
    fail('a');
    await settle();
    expect(started).toEqual(['a', 'c']);
  });

  it('refuses a limit that would run nothing', () => {
    expect(() => taskQueue(0)).toThrow('limit: must be a whole number, 1 or more, got 0');
  });
});
