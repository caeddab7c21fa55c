import { notMeasured, type BenchOptions, type BenchRow } from './stats';

export const firstPaintFigure = async (_o: BenchOptions): Promise<BenchRow> => notMeasured('first-paint', '', '', 'todo');
