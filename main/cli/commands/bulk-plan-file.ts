import { BulkPlan } from '../../../shared/domain/bulk-plan';
import { readJsonFile } from '../read-json-file';
import { writeAtomically } from './bundle';

// PLAN.json on disk: read through the one schema, written whole and atomically so an interrupted
// run leaves the last complete plan.

export const readPlan = (file: string): Promise<BulkPlan> => readJsonFile(file, BulkPlan, 'plan');

export const writePlan = (file: string, plan: BulkPlan): Promise<void> => writeAtomically(file, `${JSON.stringify(plan, null, 2)}\n`);
