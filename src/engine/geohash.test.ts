import { seededRandom as rng } from '../../test/rng.js';
import { describe, expect, it } from 'vitest';
import { coordReply, distanceText, printfFixed } from './commands/geo-reply.js';
import { cellScores, decodeScore, distanceWithin, geoDistance, geohashString, geoScore, searchCells, type GeoShape } from './geohash.js';
import { pqsort } from './pqsort.js';

/** Values printed by redis-server 7.0 for the two members of its documentation's example. */
const PALERMO = { lon: 13.361389, lat: 38.115556, score: '3479099956230698', hash: 'sqc8b49rny0', pos: ['13.36138933897018433', '38.11555639549629859'] };
const CATANIA = { lon: 15.087269, lat: 37.502669, score: '3479447370796909', hash: 'sqdtr74hyu0', pos: ['15.08726745843887329', '37.50266842333162032'] };


describe('geohash', () => {
  it('encodes and decodes as Redis does', () => {
    for (const p of [PALERMO, CATANIA]) {
      expect(geoScore(p.lon, p.lat)).toBe(p.score);
      const [lon, lat] = decodeScore(Number(p.score));
      expect([coordReply(lon).text, coordReply(lat).text]).toEqual(p.pos);
      expect(geohashString(Number(p.score))).toBe(p.hash);
    }
  });

  it('measures great-circle distances as Redis does', () => {
    const [lon1, lat1] = decodeScore(Number(PALERMO.score));
    const [lon2, lat2] = decodeScore(Number(CATANIA.score));
    expect(distanceText(geoDistance(lon1, lat1, lon2, lat2))).toBe('166274.1516');
    expect(distanceText(geoDistance(lon1, lat1, lon2, lat2) / 1000)).toBe('166.2742');
    expect(geoDistance(10, 20, 10, 21)).toBe(geoDistance(10, 21, 10, 20));
  });

  it('finds every point of a shape in its nine cells', () => {
    const random = rng(3);
    const points = Array.from({ length: 2000 }, () => {
      const score = Number(geoScore(random() * 360 - 180, random() * 170 - 85));
      const [lon, lat] = decodeScore(score);
      return { score, lon, lat };
    });
    for (let q = 0; q < 200; q++) {
      const shape: GeoShape = {
        kind: q % 2 ? 'radius' : 'box',
        lon: random() * 360 - 180,
        lat: random() * 170 - 85,
        conversion: 1000,
        radius: random() * 3000,
        width: random() * 6000,
        height: random() * 6000,
      };
      const ranges = searchCells(shape)
        .filter((c) => c.step !== 0)
        .map(cellScores);
      for (const p of points) {
        if (distanceWithin(shape, p.lon, p.lat) < 0) continue;
        expect(ranges.some(([min, max]) => p.score >= min && p.score < max)).toBe(true);
      }
    }
  });
});

describe('geo reply formats', () => {
  it('prints %f exactly, rounding half to even', () => {
    expect(printfFixed(200, 6)).toBe('200.000000');
    expect(printfFixed(-0, 6)).toBe('-0.000000');
    expect(printfFixed(0.125, 2)).toBe('0.12');
    expect(printfFixed(0.375, 2)).toBe('0.38');
    expect(printfFixed(1e22, 1)).toBe('10000000000000000000000.0');
    expect(printfFixed(Infinity, 6)).toBe('inf');
    expect(printfFixed(5e-324, 6)).toBe('0.000000');
  });

  it('prints coordinates with trailing zeros trimmed', () => {
    expect(coordReply(1.5).text).toBe('1.5');
    expect(coordReply(-0).text).toBe('0');
    expect(coordReply(180).text).toBe('180');
  });

  it('prints distances with four decimals', () => {
    expect(distanceText(0)).toBe('0.0000');
    expect(distanceText(0.00005)).toBe('0.0000');
    expect(distanceText(0.00015)).toBe('0.0001'); // 1.4999999999999998 once scaled, as in C
    expect(distanceText(0.00025)).toBe('0.0002'); // an exact half goes to even
    expect(distanceText(0.00035)).toBe('0.0004');
    expect(distanceText(1.23456)).toBe('1.2346');
    expect(distanceText(12345.6)).toBe('12345.6000');
  });
});

describe('pqsort', () => {
  it('puts the requested positions where a full sort would', () => {
    const random = rng(11);
    const cmp = (a: number, b: number) => (a > b ? 1 : a === b ? 0 : -1);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 200);
      const values = Array.from({ length: n }, () => Math.floor(random() * (round % 2 ? 10 : 1000)));
      const sorted = [...values].sort(cmp);
      const lo = Math.floor(random() * n);
      const hi = lo + Math.floor(random() * (n - lo));
      const partial = [...values];
      pqsort(partial, cmp, lo, hi);
      expect(partial.slice(lo, hi + 1)).toEqual(sorted.slice(lo, hi + 1));
      expect([...partial].sort(cmp)).toEqual(sorted);
    }
  });
});
