import { SETTINGS_SCHEMA_VERSION, type SettingsData } from '../../../../main/services/settings/settings-data';
import { dataCenterTarget, passedUrl, reached } from '../../../support/domain-builders';

/** A settings object of `count` Data Center targets, each marked with `label` so two samples differ everywhere. */
export const largeSettings = (label: string, count: number): SettingsData => ({
  schema_version: SETTINGS_SCHEMA_VERSION,
  preferences: { safe_mode: label.length % 2 === 0 },
  targets: Array.from({ length: count }, (_, i) => ({
    target: dataCenterTarget({ id: `dc-${i}`, name: `${label} target ${i} ${'x'.repeat(80)}` }),
    checks: { url_safety: passedUrl, network: reached },
  })),
});
