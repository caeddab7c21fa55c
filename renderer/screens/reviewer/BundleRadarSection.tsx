import type { AnyBundlePayload } from '../../../shared/domain/bundle';
import { RADAR_DEFAULT_WITHIN_DAYS } from '../../../shared/domain/radar';
import { bundleRadarItems } from '../../../shared/domain/radar-items';
import { RadarList } from '../../components/RadarList';

/**
 * The bundle's expiry radar judged against today: its signed `radar` section when it has one,
 * else what its payload says (bundles exported before the section existed).
 */
export const BundleRadarSection = ({ payload }: { readonly payload: AnyBundlePayload }) => {
  const items = bundleRadarItems(payload, new Date(), RADAR_DEFAULT_WITHIN_DAYS);
  const due = items.filter((i) => i.status === 'due' || i.status === 'past').length;
  return (
    <section aria-labelledby="bundle-radar-title" data-radar-source={payload.radar === undefined ? 'payload' : 'signed_section'}>
      <h3 id="bundle-radar-title" className="section-title">
        Expiry radar: {due} of {items.length} due or past within {RADAR_DEFAULT_WITHIN_DAYS} days
      </h3>
      <p className="hint">
        {payload.radar === undefined
          ? 'This bundle has no radar section (exported before it existed): the dates below come from its evidence and validity only.'
          : `The dates the exporting app signed on ${payload.radar.generated_at}, judged against today.`}
      </p>
      <RadarList items={items} caption="Expiry dates the bundle carries" />
    </section>
  );
};
