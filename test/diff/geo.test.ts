import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffTarget, Rng } from './harness.js';
import { PropagationProbe } from './propagation.js';

let t: DiffTarget;
beforeAll(async () => {
  t = await DiffTarget.start();
}, 30_000);
afterAll(async () => {
  await t?.stop();
});

const SICILY = 'GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania 12.758489 38.788135 edge1 17.241510 38.788135 edge2';

describe('GEOADD', () => {
  it('adds positions as sorted set scores', () =>
    t.run([
      SICILY,
      'ZRANGE Sicily 0 -1 WITHSCORES',
      'GEOADD Sicily 13.361389 38.115556 Palermo',
      'GEOADD Sicily CH 13.4 38.1 Palermo 1 1 new',
      'GEOADD Sicily NX 0 0 Palermo 2 2 new2',
      'GEOADD Sicily XX 0 0 Palermo 3 3 new3',
      'GEOADD Sicily XX CH 1 1 Palermo',
      'GEOADD Sicily ch nx 5 5 Catania 6 6 other',
      'ZRANGE Sicily 0 -1 WITHSCORES',
      'TYPE Sicily',
      'OBJECT ENCODING Sicily',
      'GEOADD poles -180 -85.05112878 sw 180 85.05112878 ne 0 0 origin -0 -0 negzero 179.999999 -85.05 x',
      'ZRANGE poles 0 -1 WITHSCORES',
      'GEOPOS poles sw ne origin negzero x',
      'GEOHASH poles sw ne origin negzero x',
    ]));

  it('rejects bad coordinates and options', () =>
    t.run([
      'GEOADD k 200 100 m',
      'GEOADD k 180.0000001 0 m',
      'GEOADD k 0 85.06 m',
      'GEOADD k -1e300 0 m',
      'GEOADD k 0 1e-300 m 181 0 n',
      'GEOADD k inf 0 m',
      'GEOADD k 0 -inf m',
      'GEOADD k 12.5 0.0000005 m 1234.5678912 -99.99999951 n',
      'EXISTS k',
      'GEOADD k x 0 m',
      'GEOADD k 0 nan m',
      'GEOADD k 0 0',
      'GEOADD k 0 0 m 1',
      'GEOADD k NX XX 0 0 m',
      'GEOADD k GT 0 0 m',
      'GEOADD k CH 0 0',
      'GEOADD k',
      'SET str x',
      'GEOADD str 0 0 m',
    ]));
});

describe('GEOPOS / GEOHASH / GEODIST', () => {
  it('report positions, hashes and distances', () =>
    t.run([
      SICILY,
      'GEOPOS Sicily Palermo Catania nonexisting',
      'GEOPOS Sicily',
      'GEOPOS nokey a b',
      'GEOHASH Sicily Palermo Catania edge1 nonexisting',
      'GEOHASH Sicily',
      'GEOHASH nokey a',
      'GEODIST Sicily Palermo Catania',
      'GEODIST Sicily Palermo Catania m',
      'GEODIST Sicily Palermo Catania KM',
      'GEODIST Sicily Palermo Catania ft',
      'GEODIST Sicily Palermo Catania Mi',
      'GEODIST Sicily Palermo Palermo',
      'GEODIST Sicily edge1 edge2 km',
      'GEODIST Sicily Palermo nonexisting',
      'GEODIST nokey a b',
      'GEODIST Sicily Palermo Catania yards',
      'GEODIST nokey a b yards',
      'GEODIST Sicily Palermo Catania km extra',
      'ZADD z 0 a 4611686018427387904 b -5 c 1.5 d 9007199254740993 e',
      'GEOPOS z a b c d e',
      'GEOHASH z a b c d e',
      'GEODIST z a b',
      'SET str x',
      'GEOPOS str a',
      'GEOHASH str a',
      'GEODIST str a b',
      'HELLO 3',
      'GEOPOS Sicily Palermo nonexisting',
      'GEODIST Sicily Palermo Catania',
      'GEODIST Sicily Palermo nonexisting',
      'HELLO 2',
    ]));
});

describe('GEOSEARCH and GEORADIUS', () => {
  it('search around members and coordinates', () =>
    t.run([
      SICILY,
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 200 km ASC',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 200 km',
      'GEOSEARCH Sicily FROMMEMBER Palermo BYRADIUS 200 km DESC WITHCOORD WITHDIST WITHHASH',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 400 400 km ASC WITHCOORD WITHDIST WITHHASH',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 400 400 km COUNT 1',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 400 400 km COUNT 2 DESC',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 2000 km COUNT 3 ANY',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 2000 km COUNT 3 ANY ASC WITHDIST',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 0 m',
      'GEOSEARCH Sicily FROMMEMBER Palermo BYRADIUS 0 m',
      'GEOSEARCH Sicily FROMMEMBER Palermo BYBOX 0 0 m WITHDIST',
      'GEOSEARCH Sicily fromlonlat 15 37 byradius 123456.789 FT withdist',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 200 MI WITHDIST',
      'GEOSEARCH nokey FROMLONLAT 15 37 BYRADIUS 200 km',
      'GEOSEARCH nokey FROMMEMBER x BYRADIUS 200 km',
      'GEORADIUS Sicily 15 37 200 km WITHDIST WITHCOORD',
      'GEORADIUS Sicily 15 37 200 km WITHDIST WITHCOORD ASC COUNT 1',
      'GEORADIUS Sicily 15 37 200 km DESC',
      'GEORADIUSBYMEMBER Sicily Palermo 300 km WITHDIST',
      'GEORADIUSBYMEMBER Sicily Palermo 300 km WITHHASH COUNT 2 DESC',
      'GEORADIUS_RO Sicily 15 37 200 km WITHDIST ASC',
      'GEORADIUSBYMEMBER_RO Sicily Palermo 300 km ASC',
      'GEORADIUSBYMEMBER nokey x 300 km',
      'GEORADIUSBYMEMBER nokey x bad unit',
    ]));

  it('report argument errors as Redis does', () =>
    t.run([
      SICILY,
      'GEOSEARCH Sicily BYRADIUS 200 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37',
      'GEOSEARCH Sicily FROMLONLAT 15 37 FROMMEMBER Palermo BYRADIUS 1 km',
      'GEOSEARCH Sicily FROMMEMBER Palermo FROMLONLAT 15 37 BYRADIUS 1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km BYBOX 1 1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 1 1 km BYRADIUS 1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km COUNT 0',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km COUNT -1',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km COUNT x',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km ANY',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS -1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS x km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 parsecs',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX -1 1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX x 1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 1 x km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 1 1 lightyears',
      'GEOSEARCH Sicily FROMLONLAT 200 37 BYRADIUS 1 km',
      'GEOSEARCH Sicily FROMMEMBER nobody BYRADIUS 1 km',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km STORE x',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km STOREDIST',
      'GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km FOO',
      'GEOSEARCH Sicily FROMLONLAT 15 BYRADIUS 1 km',
      'geosearch Sicily BYRADIUS 1 km FROMLONLAT',
      'GEORADIUS Sicily 15 37 200 km STORE',
      'GEORADIUS Sicily 15 37 200 km STORE dst WITHDIST',
      'GEORADIUS_RO Sicily 15 37 200 km STORE dst',
      'GEORADIUSBYMEMBER_RO Sicily Palermo 200 km STOREDIST dst',
      'GEORADIUS Sicily 200 37 200 km',
      'GEORADIUS Sicily 15 37 x km',
      'GEORADIUS Sicily 15 37 200 feet',
      'GEORADIUSBYMEMBER Sicily nobody 200 km',
      'GEORADIUS Sicily 15 37 200 km COUNT 2 ANY FROMMEMBER Palermo',
      'SET str x',
      'GEOSEARCH str FROMLONLAT 15 37 BYRADIUS 1 km',
      'GEORADIUS str 15 37 200 km',
      'GEOSEARCHSTORE dst str FROMLONLAT 15 37 BYRADIUS 1 km',
      'GEOSEARCHSTORE str Sicily FROMLONLAT 15 37 BYRADIUS 1000 km',
      'TYPE str',
    ]));

  it('store results as sorted sets', () =>
    t.run([
      SICILY,
      'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYRADIUS 200 km',
      'ZRANGE dst 0 -1 WITHSCORES',
      'OBJECT ENCODING dst',
      'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYRADIUS 200 km STOREDIST COUNT 1',
      'ZRANGE dst 0 -1 WITHSCORES',
      'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYBOX 200 200 km STOREDIST DESC',
      'ZRANGE dst 0 -1 WITHSCORES',
      'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYRADIUS 1 m',
      'EXISTS dst',
      'SET dst x',
      'GEOSEARCHSTORE dst nokey FROMLONLAT 15 37 BYRADIUS 1 m',
      'EXISTS dst',
      'GEORADIUS Sicily 15 37 200 km STORE r1',
      'GEORADIUS Sicily 15 37 200 km STOREDIST r2 ASC',
      'GEORADIUS Sicily 15 37 200 km STORE r3 STOREDIST r4',
      'GEORADIUSBYMEMBER Sicily Palermo 200 km STOREDIST r5',
      'GEORADIUSBYMEMBER Sicily Palermo 200 km STORE r5 COUNT 1 DESC',
      'ZRANGE r1 0 -1 WITHSCORES',
      'ZRANGE r2 0 -1 WITHSCORES',
      'EXISTS r3',
      'ZRANGE r4 0 -1 WITHSCORES',
      'ZRANGE r5 0 -1 WITHSCORES',
      'SET r6 x',
      'EXPIRE r6 100',
      'GEORADIUS Sicily 15 37 200 km STORE r6',
      'TTL r6',
      'GEORADIUS nokey 15 37 200 km STORE r6',
      'EXISTS r6',
      'GEORADIUSBYMEMBER nokey x 1 km STORE r1',
      'EXISTS r1',
    ]));

  it('break ties among equal distances as Redis does', () =>
    t.run([
      `GEOADD same ${Array.from({ length: 60 }, (_, i) => `10 20 m${i}`).join(' ')} 10.001 20 far1 10.002 20 far2`,
      'GEOSEARCH same FROMLONLAT 10 20 BYRADIUS 1 km ASC',
      'GEOSEARCH same FROMLONLAT 10 20 BYRADIUS 1 km DESC',
      'GEOSEARCH same FROMLONLAT 10 20 BYRADIUS 1 km COUNT 7',
      'GEOSEARCH same FROMLONLAT 10 20 BYRADIUS 1 km COUNT 45 DESC',
      'GEOSEARCH same FROMLONLAT 10.002 20 BYRADIUS 1 km COUNT 13 WITHDIST',
      'GEOSEARCH same FROMLONLAT 10.002 20 BYRADIUS 1 km COUNT 5 ANY',
    ]));

  it('cover the poles, the antimeridian and the whole world', () =>
    t.run([
      'GEOADD w -179.9 0 a 179.9 0 b 0 85 c 0 -85 d 90 84.9 e -90 -84.9 f 0 0 g 45 45 h',
      'GEOSEARCH w FROMLONLAT 180 0 BYRADIUS 50 km ASC WITHDIST',
      'GEOSEARCH w FROMLONLAT -180 0 BYBOX 100 100 km ASC',
      'GEOSEARCH w FROMLONLAT 0 85.05112878 BYRADIUS 500 km ASC WITHDIST',
      'GEOSEARCH w FROMLONLAT 0 -85.05112878 BYBOX 2000 2000 km ASC',
      'GEOSEARCH w FROMLONLAT 0 0 BYRADIUS 20000 km ASC WITHDIST',
      'GEOSEARCH w FROMLONLAT 0 0 BYRADIUS 5000 km',
      'GEOSEARCH w FROMLONLAT 10 10 BYBOX 40000 40000 km DESC WITHDIST',
      'GEOSEARCH w FROMMEMBER e BYRADIUS 3000 km ASC WITHDIST',
      'GEORADIUS w 0 0 20000 km',
      'GEORADIUS w 180 85.05112878 0 m',
      'GEORADIUS w -180 -85.05112878 10000 km WITHHASH ASC',
    ]));
});

describe('propagation', () => {
  it('is what Redis sends its replicas', async () => {
    const probe = await PropagationProbe.attach(t);
    try {
      await t.run([
        SICILY,
        'GEOADD Sicily XX CH 13.5 38.1 Palermo',
        'GEOADD Sicily NX 13.5 38.1 Palermo',
        'GEOADD Sicily 200 0 bad',
        'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYRADIUS 200 km',
        'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYRADIUS 1 m',
        'GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYRADIUS 1 m',
        'GEORADIUS Sicily 15 37 200 km STORE r1',
        'GEORADIUSBYMEMBER Sicily Palermo 10 km STOREDIST r2',
        'GEORADIUS Sicily 15 37 200 km',
      ]);
      const { redis, redlite } = await probe.take();
      expect(redlite).toEqual(redis);
    } finally {
      probe.close();
    }
  });
});

// ——— Random points ———

function randomPoints(rng: Rng, n: number, lon: [number, number], lat: [number, number]): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = lon[0] + rng.next() * (lon[1] - lon[0]);
    const y = lat[0] + rng.next() * (lat[1] - lat[0]);
    parts.push(x.toFixed(rng.int(3, 9)), y.toFixed(rng.int(3, 9)), `p${i}`);
  }
  return `GEOADD pts ${parts.join(' ')}`;
}

function randomSearch(rng: Rng): string {
  const options = ['WITHDIST', 'WITHCOORD', 'WITHHASH'].filter(() => rng.chance(0.4));
  const sort = rng.pick(['', 'ASC', 'DESC']);
  const count = rng.chance(0.4) ? `COUNT ${rng.int(1, 40)}${rng.chance(0.3) ? ' ANY' : ''}` : '';
  const unit = rng.pick(['m', 'km', 'mi', 'ft']);
  const scale = { m: 1000, km: 1, mi: 0.62, ft: 3280 }[unit]!;
  const radius = (rng.next() * 600 * scale).toFixed(2);
  const from = rng.chance(0.5) ? `FROMMEMBER p${rng.int(0, 299)}` : `FROMLONLAT ${(rng.next() * 30 - 5).toFixed(4)} ${(rng.next() * 30 + 30).toFixed(4)}`;
  const by = rng.chance(0.5) ? `BYRADIUS ${radius} ${unit}` : `BYBOX ${radius} ${(rng.next() * 600 * scale).toFixed(1)} ${unit}`;
  switch (rng.int(0, 4)) {
    case 0:
      return `GEORADIUS pts ${(rng.next() * 30 - 5).toFixed(3)} ${(rng.next() * 30 + 30).toFixed(3)} ${radius} ${unit} ${options.join(' ')} ${sort} ${count}`;
    case 1:
      return `GEORADIUSBYMEMBER pts p${rng.int(0, 299)} ${radius} ${unit} ${options.join(' ')} ${sort} ${count}`;
    case 2:
      return `GEOSEARCHSTORE dst pts ${from} ${by} ${sort} ${count} ${rng.chance(0.5) ? 'STOREDIST' : ''}`;
    default:
      return `GEOSEARCH pts ${from} ${by} ${sort} ${count} ${options.join(' ')}`;
  }
}

describe('random points', () => {
  it('answer hundreds of searches exactly as Redis', async () => {
    const rng = new Rng(4242);
    const commands: string[] = [randomPoints(rng, 300, [-5, 25], [30, 60])];
    for (let i = 0; i < 300; i++) {
      const search = randomSearch(rng);
      commands.push(search);
      // STOREDIST keeps full-precision distances, whose last bits come from the C library's
      // sin/cos/asin (glibc here, fdlibm in V8): compare those sets by member order only.
      if (search.startsWith('GEOSEARCHSTORE')) commands.push(search.includes('STOREDIST') ? 'ZRANGE dst 0 -1' : 'ZRANGE dst 0 -1 WITHSCORES');
    }
    for (let i = 0; i < 60; i++) commands.push(`GEODIST pts p${rng.int(0, 299)} p${rng.int(0, 299)} ${rng.pick(['m', 'km', 'mi', 'ft'])}`);
    commands.push(`GEOPOS pts ${Array.from({ length: 300 }, (_, i) => `p${i}`).join(' ')}`);
    commands.push(`GEOHASH pts ${Array.from({ length: 300 }, (_, i) => `p${i}`).join(' ')}`);
    await t.run(commands);
  }, 60_000);

  it('worldwide', async () => {
    const rng = new Rng(99);
    const commands: string[] = [randomPoints(rng, 300, [-180, 180], [-85.05, 85.05])];
    for (let i = 0; i < 150; i++) {
      const lon = (rng.next() * 360 - 180).toFixed(5);
      const lat = (rng.next() * 170 - 85).toFixed(5);
      const r = (rng.next() * 6000).toFixed(1);
      commands.push(
        rng.chance(0.5)
          ? `GEOSEARCH pts FROMLONLAT ${lon} ${lat} BYRADIUS ${r} km WITHDIST ${rng.pick(['', 'ASC', 'DESC'])}`
          : `GEOSEARCH pts FROMLONLAT ${lon} ${lat} BYBOX ${r} ${(rng.next() * 6000).toFixed(1)} km WITHCOORD ${rng.pick(['', 'ASC', 'DESC COUNT 5'])}`,
      );
    }
    await t.run(commands);
  }, 60_000);
});
