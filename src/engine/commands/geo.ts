/**
 * The geo commands (Redis 7.0's geo.c). A geo set is a sorted set whose
 * scores are 52-bit geohashes: GEOADD hands its positions to ZADD, and the
 * searches scan the score ranges of the nine cells around the centre, keeping
 * the members inside the shape, in the order and with the distances Redis
 * computes.
 */
import type { Client } from '../client.js';
import { group, type Handler } from '../command.js';
import {
  cellScores,
  decodeScore,
  distanceWithin,
  GEO_LAT_MAX,
  GEO_LAT_MIN,
  GEO_LONG_MAX,
  GEO_LONG_MIN,
  geoDistance,
  geohashString,
  geoScore,
  searchCells,
  type GeoShape,
} from '../geohash.js';
import { toDouble, toInt } from '../number.js';
import { Err, ErrorReply, NULL_ARRAY, type Reply } from '../reply.js';
import { ZSet } from '../types/zset.js';
import { coordReply, distanceText, printfFixed } from './geo-reply.js';
import { pqsort } from '../pqsort.js';

const UNITS = '<M | KM | FT | MI>';
const FROM = '<FROMMEMBER member | FROMLONLAT longitude latitude>';
const BY = `<BYRADIUS radius ${UNITS} | BYBOX width height ${UNITS}>`;

const lookupGeo = (client: Client, key: string): ZSet | undefined => client.db.getTyped<ZSet>(key, 'zset');

/** A longitude and latitude argument pair (extractLongLatOrReply). */
function lonLatArgs(lonArg: string, latArg: string): [number, number] {
  const lon = toDouble(lonArg);
  const lat = toDouble(latArg);
  if (lon < GEO_LONG_MIN || lon > GEO_LONG_MAX || lat < GEO_LAT_MIN || lat > GEO_LAT_MAX) {
    throw new ErrorReply(`ERR invalid longitude,latitude pair ${printfFixed(lon, 6)},${printfFixed(lat, 6)}`);
  }
  return [lon, lat];
}

/** Meters per unit (extractUnitOrReply). */
function unitArg(arg: string): number {
  switch (arg.toLowerCase()) {
    case 'm':
      return 1;
    case 'km':
      return 1000;
    case 'ft':
      return 0.3048;
    case 'mi':
      return 1609.34;
    default:
      throw new ErrorReply('ERR unsupported unit provided. please use M, KM, FT, MI');
  }
}

const numberArg = (arg: string, what: string): number => toDouble(arg, () => new ErrorReply(`ERR need numeric ${what}`));

/** A member's position, or Redis's error when it has none (longLatFromMember). */
function memberPosition(zset: ZSet, member: string): [number, number] {
  const score = zset.score(member);
  if (score === undefined) throw new ErrorReply('ERR could not decode requested zset member');
  return decodeScore(score);
}

// ——— GEOADD, GEOPOS, GEOHASH, GEODIST ———

const geoadd: Handler = (client, argv) => {
  let first = 2;
  let nx = false;
  let xx = false;
  for (; first < argv.length; first++) {
    const opt = argv[first].toLowerCase();
    if (opt === 'nx') nx = true;
    else if (opt === 'xx') xx = true;
    else if (opt !== 'ch') break;
  }
  if ((argv.length - first) % 3 !== 0 || (nx && xx)) throw Err.syntax();
  // GEOADD is ZADD with each position turned into its score: it runs, replies and propagates as ZADD.
  const zadd = ['zadd', ...argv.slice(1, first)];
  for (let i = first; i < argv.length; i += 3) {
    const [lon, lat] = lonLatArgs(argv[i], argv[i + 1]);
    zadd.push(geoScore(lon, lat), argv[i + 2]);
  }
  client.engine.rewriteEffects(zadd);
  return client.engine.commands.get('zadd')!.run!(client, zadd);
};

const geopos: Handler = (client, argv) => {
  const zset = lookupGeo(client, argv[1]);
  return argv.slice(2).map((member) => {
    const score = zset?.score(member);
    if (score === undefined) return NULL_ARRAY;
    const [lon, lat] = decodeScore(score);
    return [coordReply(lon), coordReply(lat)];
  });
};

const geohash: Handler = (client, argv) => {
  const zset = lookupGeo(client, argv[1]);
  return argv.slice(2).map((member) => {
    const score = zset?.score(member);
    return score === undefined ? null : geohashString(score);
  });
};

const geodist: Handler = (client, argv) => {
  if (argv.length > 5) throw Err.syntax();
  const toMeters = argv.length === 5 ? unitArg(argv[4]) : 1;
  const zset = lookupGeo(client, argv[1]);
  const s1 = zset?.score(argv[2]);
  const s2 = zset?.score(argv[3]);
  if (s1 === undefined || s2 === undefined) return null;
  const [lon1, lat1] = decodeScore(s1);
  const [lon2, lat2] = decodeScore(s2);
  return distanceText(geoDistance(lon1, lat1, lon2, lat2) / toMeters);
};

// ——— Searches ———

/** How a search command reads its arguments (georadiusGeneric's flags). */
const enum Variant {
  /** GEORADIUS[_RO]: centre and radius as positional arguments. */
  ByCoords = 1,
  /** GEORADIUSBYMEMBER[_RO]: a member and a radius. */
  ByMember = 2,
  /** The _RO forms: no STORE / STOREDIST. */
  NoStore = 4,
  Search = 8,
  SearchStore = 16,
}

interface GeoPoint {
  member: string;
  score: number;
  lon: number;
  lat: number;
  dist: number;
}

/**
 * The members of the nine cells inside the shape (membersOfAllNeighbors), in
 * the order found; with a limit (COUNT … ANY) the scan stops once it has that many.
 */
function pointsInShape(zset: ZSet, shape: GeoShape, limit: number): GeoPoint[] {
  const points: GeoPoint[] = [];
  const cells = searchCells(shape);
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.bits === 0n && cell.step === 0) continue;
    // Over very large radiuses neighbours coincide: skip a cell equal to the one just scanned.
    if (last > 0 && cell.bits === cells[last].bits && cell.step === cells[last].step) continue;
    if (limit && points.length >= limit) break;
    const [min, max] = cellScores(cell);
    const rank = zset.firstInScoreRange({ min, max, minex: false, maxex: true });
    if (rank >= 0) {
      for (const c = zset.at(rank); c.valid && c.score < max; c.next()) {
        const [lon, lat] = decodeScore(c.score);
        const dist = distanceWithin(shape, lon, lat);
        if (dist >= 0) points.push({ member: c.member, score: c.score, lon, lat, dist });
        if (limit && points.length >= limit) break;
      }
    }
    last = i;
  }
  return points;
}

const byDistance = (a: GeoPoint, b: GeoPoint): number => (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1);
const byDistanceDesc = (a: GeoPoint, b: GeoPoint): number => -byDistance(a, b);

interface SearchArgs {
  shape: GeoShape;
  withDist: boolean;
  withHash: boolean;
  withCoord: boolean;
  sort: 0 | 1 | -1;
  count: number;
  any: boolean;
  storeKey: string | null;
  storeDist: boolean;
}

/**
 * Reads a search's arguments as georadiusGeneric does. Without the source key
 * a member centre cannot be found, but parsing goes on: errors in the other
 * arguments still come first, then the reply for a missing key.
 */
function parseSearch(argv: string[], zset: ZSet | undefined, variant: number): SearchArgs {
  const a: SearchArgs = {
    shape: { kind: 'radius', lon: 0, lat: 0, conversion: 1, radius: 0, width: 0, height: 0 },
    withDist: false,
    withHash: false,
    withCoord: false,
    sort: 0,
    count: 0,
    any: false,
    storeKey: null,
    storeDist: false,
  };
  const shape = a.shape;
  const radius = (valueArg: string, unit: string) => {
    shape.radius = numberArg(valueArg, 'radius');
    if (shape.radius < 0) throw new ErrorReply('ERR radius cannot be negative');
    shape.conversion = unitArg(unit);
    shape.kind = 'radius';
  };
  let base: number;
  if (variant & Variant.ByCoords) {
    base = 6;
    [shape.lon, shape.lat] = lonLatArgs(argv[2], argv[3]);
    radius(argv[4], argv[5]);
  } else if (variant & Variant.ByMember) {
    base = 5;
    if (zset !== undefined) {
      [shape.lon, shape.lat] = memberPosition(zset, argv[2]);
      radius(argv[3], argv[4]);
    }
  } else {
    base = variant & Variant.SearchStore ? 3 : 2;
    if (variant & Variant.SearchStore) a.storeKey = argv[1];
  }
  const search = (variant & Variant.Search) !== 0;
  const canStore = !(variant & Variant.NoStore) && !search;
  let fromMember = false;
  let fromLonLat = false;
  let byRadius = false;
  let byBox = false;
  for (let i = base; i < argv.length; i++) {
    const left = argv.length - i - 1;
    const opt = argv[i].toLowerCase();
    if (opt === 'withdist') a.withDist = true;
    else if (opt === 'withhash') a.withHash = true;
    else if (opt === 'withcoord') a.withCoord = true;
    else if (opt === 'any') a.any = true;
    else if (opt === 'asc') a.sort = 1;
    else if (opt === 'desc') a.sort = -1;
    else if (opt === 'count' && left >= 1) {
      a.count = toInt(argv[++i]);
      if (a.count <= 0) throw new ErrorReply('ERR COUNT must be > 0');
    } else if ((opt === 'store' || opt === 'storedist') && left >= 1 && canStore) {
      a.storeKey = argv[++i];
      a.storeDist = opt === 'storedist';
    } else if (opt === 'storedist' && variant & Variant.SearchStore) {
      a.storeDist = true;
    } else if (opt === 'frommember' && left >= 1 && search && !fromLonLat) {
      fromMember = true;
      if (zset !== undefined) [shape.lon, shape.lat] = memberPosition(zset, argv[i + 1]);
      i++;
    } else if (opt === 'fromlonlat' && left >= 2 && search && !fromMember) {
      [shape.lon, shape.lat] = lonLatArgs(argv[i + 1], argv[i + 2]);
      fromLonLat = true;
      i += 2;
    } else if (opt === 'byradius' && left >= 2 && search && !byBox) {
      radius(argv[i + 1], argv[i + 2]);
      byRadius = true;
      i += 2;
    } else if (opt === 'bybox' && left >= 3 && search && !byRadius) {
      shape.width = numberArg(argv[i + 1], 'width');
      shape.height = numberArg(argv[i + 2], 'height');
      if (shape.height < 0 || shape.width < 0) throw new ErrorReply('ERR height or width cannot be negative');
      shape.conversion = unitArg(argv[i + 3]);
      shape.kind = 'box';
      byBox = true;
      i += 3;
    } else {
      throw Err.syntax();
    }
  }
  if (a.storeKey !== null && (a.withDist || a.withHash || a.withCoord)) {
    const what = variant & Variant.SearchStore ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    throw new ErrorReply(`ERR ${what} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if (search && !(fromMember || fromLonLat)) {
    throw new ErrorReply(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0]}`);
  }
  if (search && !(byRadius || byBox)) {
    throw new ErrorReply(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0]}`);
  }
  if (a.any && !a.count) throw new ErrorReply('ERR the ANY argument requires COUNT argument');
  // COUNT keeps the nearest ones, so it sorts unless ANY asked for whichever come first.
  if (a.count && a.sort === 0 && !a.any) a.sort = 1;
  return a;
}

function searchGeneric(client: Client, argv: string[], srcIndex: number, variant: number): Reply {
  const zset = lookupGeo(client, argv[srcIndex]);
  const a = parseSearch(argv, zset, variant);
  if (zset === undefined) {
    if (a.storeKey === null) return [];
    deleteStoreKey(client, a.storeKey);
    return 0;
  }
  const points = pointsInShape(zset, a.shape, a.any ? a.count : 0);
  if (points.length === 0 && a.storeKey === null) return [];
  const returned = a.count === 0 || points.length < a.count ? points.length : a.count;
  if (a.sort !== 0) {
    const cmp = a.sort === 1 ? byDistance : byDistanceDesc;
    // glibc's qsort is a stable merge sort here; Redis's partial sort is its own quicksort.
    if (returned === points.length) points.sort(cmp);
    else pqsort(points, cmp, 0, returned - 1);
  }
  const conversion = a.shape.conversion;
  if (a.storeKey !== null) return store(client, a, points, returned, variant);
  const out: Reply[] = [];
  for (let i = 0; i < returned; i++) {
    const p = points[i];
    if (!a.withDist && !a.withHash && !a.withCoord) {
      out.push(p.member);
      continue;
    }
    const item: Reply[] = [p.member];
    if (a.withDist) item.push(distanceText(p.dist / conversion));
    if (a.withHash) item.push(Math.trunc(p.score));
    if (a.withCoord) item.push([coordReply(p.lon), coordReply(p.lat)]);
    out.push(item);
  }
  return out;
}

/** STORE / STOREDIST / GEOSEARCHSTORE: the results as a new sorted set, scored by hash or distance. */
function store(client: Client, a: SearchArgs, points: GeoPoint[], returned: number, variant: number): Reply {
  const key = a.storeKey!;
  if (returned === 0) {
    deleteStoreKey(client, key);
    return 0;
  }
  const result = new ZSet(false);
  for (let i = 0; i < returned; i++) {
    const p = points[i];
    result.insert(a.storeDist ? p.dist / a.shape.conversion : p.score, p.member);
  }
  const config = client.engine.config;
  result.compactIfFits({ entries: config.int('zset-max-listpack-entries'), value: config.int('zset-max-listpack-value') });
  client.db.set(key, result);
  client.engine.notify(variant & Variant.Search ? 'geosearchstore' : 'georadiusstore', 'z', key, client.db.id);
  return returned;
}

function deleteStoreKey(client: Client, key: string): void {
  if (client.db.delete(key)) client.engine.notify('del', 'g', key, client.db.id);
}

/** GEORADIUS[BYMEMBER] key positions: the source, and the STORE / STOREDIST key (last one wins). */
function radiusKeys(first: number): (argv: string[]) => number[] {
  return (argv) => {
    let stored = -1;
    for (let i = first; i < argv.length; i++) {
      const arg = argv[i].toLowerCase();
      if ((arg === 'store' || arg === 'storedist') && i + 1 < argv.length) stored = ++i;
    }
    return stored < 0 ? [1] : [1, stored];
  };
}

const RADIUS_OPTIONS = '[WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]';
const RADIUS_COMPLEXITY =
  'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.';
const SEARCH_COMPLEXITY =
  'O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape';

/**
 * A search's reply as the client decodes it: member names, or with WITHDIST /
 * WITHHASH / WITHCOORD one array per member of [name, dist?, hash?, [lon, lat]?].
 */
const SEARCH_REPLY = 'string[] | (string | number | [string, string])[][]';

export default group('geo', {
  geoadd: {
    arity: -5,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    summary: 'Add one or more geospatial items in the geospatial index represented using a sorted set',
    since: '3.2.0',
    reply: 'number',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    syntax: 'key [NX | XX] [CH] longitude latitude member [longitude latitude member ...]',
    run: geoadd,
  },
  geopos: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Returns longitude and latitude of members of a geospatial index',
    since: '3.2.0',
    reply: '([string, string] | null)[]',
    complexity: 'O(N) where N is the number of members requested.',
    syntax: 'key [member [member ...]]',
    run: geopos,
  },
  geodist: {
    arity: -4,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Returns the distance between two members of a geospatial index',
    since: '3.2.0',
    reply: 'string | null',
    complexity: 'O(log(N))',
    syntax: `key member1 member2 [M | KM | FT | MI]`,
    run: geodist,
  },
  geohash: {
    arity: -2,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Returns members of a geospatial index as standard geohash strings',
    since: '3.2.0',
    reply: '(string | null)[]',
    complexity: 'O(log(N)) for each member requested, where N is the number of elements in the sorted set.',
    syntax: 'key [member [member ...]]',
    run: geohash,
  },
  geosearch: {
    arity: -7,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.',
    since: '6.2.0',
    reply: SEARCH_REPLY,
    complexity: SEARCH_COMPLEXITY,
    syntax: `key ${FROM} ${BY} [ASC | DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]`,
    run: (client, argv) => searchGeneric(client, argv, 1, Variant.Search),
  },
  geosearchstore: {
    arity: -8,
    flags: 'write denyoom',
    keys: [1, 2, 1],
    summary:
      'Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.',
    since: '6.2.0',
    reply: 'number',
    complexity: SEARCH_COMPLEXITY,
    syntax: `destination source ${FROM} ${BY} [ASC | DESC] [COUNT count [ANY]] [STOREDIST]`,
    run: (client, argv) => searchGeneric(client, argv, 2, Variant.Search | Variant.SearchStore),
  },
  georadius: {
    arity: -6,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    getKeys: radiusKeys(5),
    summary: 'Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point',
    since: '3.2.0',
    reply: `${SEARCH_REPLY} | number`,
    complexity: RADIUS_COMPLEXITY,
    syntax: `key longitude latitude radius ${UNITS} ${RADIUS_OPTIONS} [STORE key | STOREDIST key]`,
    run: (client, argv) => searchGeneric(client, argv, 1, Variant.ByCoords),
  },
  georadiusbymember: {
    arity: -5,
    flags: 'write denyoom',
    keys: [1, 1, 1],
    getKeys: radiusKeys(4),
    summary: 'Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a member',
    since: '3.2.0',
    reply: `${SEARCH_REPLY} | number`,
    complexity: RADIUS_COMPLEXITY,
    syntax: `key member radius ${UNITS} ${RADIUS_OPTIONS} [STORE key | STOREDIST key]`,
    run: (client, argv) => searchGeneric(client, argv, 1, Variant.ByMember),
  },
  georadius_ro: {
    arity: -6,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'A read-only variant for GEORADIUS',
    since: '3.2.10',
    reply: SEARCH_REPLY,
    complexity: RADIUS_COMPLEXITY,
    syntax: `key longitude latitude radius ${UNITS} ${RADIUS_OPTIONS}`,
    run: (client, argv) => searchGeneric(client, argv, 1, Variant.ByCoords | Variant.NoStore),
  },
  georadiusbymember_ro: {
    arity: -5,
    flags: 'readonly',
    keys: [1, 1, 1],
    summary: 'A read-only variant for GEORADIUSBYMEMBER',
    since: '3.2.10',
    reply: SEARCH_REPLY,
    complexity: RADIUS_COMPLEXITY,
    syntax: `key member radius ${UNITS} ${RADIUS_OPTIONS}`,
    run: (client, argv) => searchGeneric(client, argv, 1, Variant.ByMember | Variant.NoStore),
  },
});
