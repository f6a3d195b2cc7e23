// Derives the offline basemap, public/basemap/china-provinces.geojson, from the npm package
// echarts@4.9.0 (Apache-2.0): its map/json/china.json (province outlines in ECharts' own compact
// encoding) decoded with the algorithm of echarts/lib/coord/geo/parseGeoJson.js, plus the South China
// Sea islands inset that ECharts adds for this map (echarts/lib/coord/geo/fix/nanhai.js), simplified
// (Douglas-Peucker) and rounded. Reproducible: `node scripts/make-basemap.mjs`. Credit: NOTICE.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VERSION = '4.9.0';
const TOLERANCE = 0.005; // degrees, about 500 m: finer than the source needs at country zoom
const work = mkdtempSync(join(tmpdir(), 'basemap-'));
execFileSync('npm', ['pack', `echarts@${VERSION}`, '--silent', '--pack-destination', work]);
execFileSync('tar', ['-xzf', join(work, `echarts-${VERSION}.tgz`), '-C', work, 'package/map/json/china.json']);
const source = JSON.parse(readFileSync(join(work, 'package/map/json/china.json'), 'utf8'));

function decodeRing(encoded, [prevX0, prevY0], scale) {
  const ring = [];
  let [prevX, prevY] = [prevX0, prevY0];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1); // zigzag
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function simplify(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i += 1) {
      const [px, py] = points[i];
      // A closed ring starts and ends on the same point: measure from that point instead of a line.
      const d = len < 1e-12 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  const out = points.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : points.slice(0, 4);
}

const round = ([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
const scale = source.UTF8Scale ?? 1024;
const features = source.features.map((f) => {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const offsets = g.type === 'Polygon' ? [g.encodeOffsets] : g.encodeOffsets;
  const coordinates = polygons
    .map((rings, p) => rings.map((ring, r) => simplify(decodeRing(ring, offsets[p][r], scale), TOLERANCE).map(round)))
    .filter((rings) => rings[0].length >= 4);
  return {
    type: 'Feature',
    properties: { name: f.properties.name, id: f.properties.id },
    geometry: { type: 'MultiPolygon', coordinates },
  };
});

// The South China Sea islands inset, placed as ECharts places it for the China map.
const origin = [126, 25];
const inset = [[[0, 3.5], [7, 11.2], [15, 11.9], [30, 7], [42, 0.7], [52, 0.7], [56, 7.7], [59, 0.7], [64, 0.7], [64, 0], [5, 0], [0, 3.5]], [[13, 16.1], [19, 14.7], [16, 21.7], [11, 23.1], [13, 16.1]], [[12, 32.2], [14, 38.5], [15, 38.5], [13, 32.2], [12, 32.2]], [[16, 47.6], [12, 53.2], [13, 53.2], [18, 47.6], [16, 47.6]], [[6, 64.4], [8, 70], [9, 70], [8, 64.4], [6, 64.4]], [[23, 82.6], [29, 79.8], [30, 79.8], [25, 82.6], [23, 82.6]], [[37, 70.7], [43, 62.3], [44, 62.3], [39, 70.7], [37, 70.7]], [[48, 51.1], [51, 45.5], [53, 45.5], [50, 51.1], [48, 51.1]], [[51, 35], [51, 28.7], [53, 28.7], [53, 35], [51, 35]], [[52, 22.4], [55, 17.5], [56, 17.5], [53, 22.4], [52, 22.4]], [[58, 12.6], [62, 7], [63, 7], [60, 12.6], [58, 12.6]], [[0, 3.5], [0, 93.1], [64, 93.1], [64, 0], [63, 0], [63, 92.4], [1, 92.4], [1, 3.5], [0, 3.5]]]
  .map((ring) => [ring.map(([x, y]) => round([x / 10.5 + origin[0], y / (-10.5 / 0.75) + origin[1]]))]);
features.push({ type: 'Feature', properties: { name: '南海诸岛', id: 'nanhai', inset: true }, geometry: { type: 'MultiPolygon', coordinates: inset } });

const out = {
  type: 'FeatureCollection',
  source: `echarts@${VERSION} map/json/china.json (Apache-2.0), decoded and simplified by scripts/make-basemap.mjs`,
  features,
};
const path = new URL('../public/basemap/china-provinces.geojson', import.meta.url).pathname;
writeFileSync(path, JSON.stringify(out));
console.log(`wrote ${path}: ${features.length} features, ${JSON.stringify(out).length} bytes`);
