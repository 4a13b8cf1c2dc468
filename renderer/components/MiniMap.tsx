import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useI18n } from '../lib/i18n';
import './kit.css';

type World = FeatureCollection<Geometry, { name: string }>;
let world: Promise<World> | null = null;

/** The world's countries (world-atlas 1:50m), loaded when a small map is first shown. */
function loadWorld(): Promise<World> {
  world ??= Promise.all([import('world-atlas/countries-50m.json'), import('topojson-client')]).then(
    ([{ default: topology }, { feature }]) => {
      const t = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      return feature(t, t.objects.countries);
    },
  );
  return world;
}

const WIDTH = 240;
const HEIGHT = 160;
/** Degrees shown around the point: enough to see the country and its neighbours. */
const SPAN = 4;

/**
 * A small map around one point, to check typed coordinates at a glance (a town typed with
 * latitude and longitude swapped lands in the wrong country, visibly). Drawn from bundled
 * outlines: no network, no tiles.
 */
export function MiniMap({ latitude, longitude, testId }: { latitude: number; longitude: number; testId: string }) {
  const { t } = useI18n();
  const [countries, setCountries] = useState<World | null>(null);
  useEffect(() => {
    let live = true;
    void loadWorld().then((loaded) => {
      if (live) setCountries(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  const box: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [longitude - SPAN, Math.max(-85, latitude - SPAN / 1.5)],
            [longitude + SPAN, Math.min(85, latitude + SPAN / 1.5)],
          ],
        },
      },
    ],
  };
  const projection = geoMercator().fitSize([WIDTH, HEIGHT], box);
  const path = geoPath(projection);
  const point = projection([longitude, latitude]);
  return (
    <svg
      className="mini-map"
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
      role="img"
      aria-label={t('towns.field.map')}
      data-testid={testId}
    >
      <rect width={WIDTH} height={HEIGHT} className="mini-map-sea" />
      {countries?.features.map((f, index) => {
        const d = path(f);
        return d ? <path key={index} d={d} className="mini-map-land" /> : null;
      })}
      {point && <circle cx={point[0]} cy={point[1]} r={5} className="mini-map-point" data-testid={`${testId}-point`} />}
    </svg>
  );
}
