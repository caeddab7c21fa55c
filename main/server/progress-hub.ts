import type { ProgressEvent } from '../../shared/contract/progress';

// Browser mode's progress events by session: a call publishes to the session that made it, and
// only that session's event streams (events-route.ts) hear it.

export interface ProgressSubscriber {
  readonly send: (event: ProgressEvent) => void;
  /** Ends the stream (the server stops). */
  readonly close: () => void;
}

export interface ProgressHub {
  readonly publish: (owner: string, event: ProgressEvent) => void;
  /** Returns the unsubscribe function. */
  readonly subscribe: (owner: string, subscriber: ProgressSubscriber) => () => void;
  /** Ends every open stream (server stop). */
  readonly closeAll: () => void;
}

export const createProgressHub = (): ProgressHub => {
  const byOwner = new Map<string, Set<ProgressSubscriber>>();
  return {
    publish: (owner, event) => {
      for (const s of byOwner.get(owner) ?? []) s.send(event);
    },
    subscribe: (owner, subscriber) => {
      const set = byOwner.get(owner) ?? new Set<ProgressSubscriber>();
      set.add(subscriber);
      byOwner.set(owner, set);
      return () => {
        set.delete(subscriber);
        if (set.size === 0) byOwner.delete(owner);
      };
    },
    closeAll: () => {
      const all = [...byOwner.values()].flatMap((set) => [...set]);
      byOwner.clear();
      for (const s of all) s.close();
    },
  };
};
