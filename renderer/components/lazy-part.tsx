import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

// A part of the page that lives in its own chunk, so the first screen's initial JavaScript stays
// within its goal (docs/performance.md). It shows `fallback` (nothing by default) until the chunk
// has arrived; a chunk that cannot be fetched shows `failed` (nothing by default) instead of
// leaving the page blank, and is not fetched again. `preload()` fetches it ahead of its first use.

export interface LazyPartOptions<P> {
  readonly fallback?: ReactNode;
  readonly failed?: ComponentType<P>;
}

export type LazyPart<P extends object> = ComponentType<P> & { readonly preload: () => Promise<void> };

const Nothing = () => null;

export const lazyPart = <P extends object>(load: () => Promise<ComponentType<P>>, options: LazyPartOptions<P> = {}): LazyPart<P> => {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const get = (): Promise<{ default: ComponentType<P> }> => {
    loading ??= load().then(
      (component) => ({ default: component }),
      () => ({ default: options.failed ?? Nothing }),
    );
    return loading;
  };
  const Part = lazy(get);
  const Shown = (props: P) => (
    <Suspense fallback={options.fallback ?? null}>
      <Part {...props} />
    </Suspense>
  );
  return Object.assign(Shown, {
    preload: async () => {
      await get();
    },
  });
};
