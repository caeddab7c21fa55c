/**
 * Runs async jobs one after another. Read-modify-write of the settings file goes through one of
 * these per process, so two saves at once cannot lose each other's change.
 */
export const createSerial = (): (<T>(job: () => Promise<T>) => Promise<T>) => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
};
