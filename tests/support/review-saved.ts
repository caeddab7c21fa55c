import type { StoredTarget } from '../../main/services/settings/settings-data';
import { markReviewed } from '../../main/services/targets/record-revision';

/**
 * Seeded targets as the Review step's Save leaves them (the production mark), for tests that write
 * a settings file and then export: bundle.export signs only such a record (BUNDLE_NOT_SAVED).
 */
export const reviewSaved = (targets: readonly StoredTarget[], at = '2026-11-29T08:30:00.000Z'): StoredTarget[] => targets.map((t) => markReviewed(t, at));
