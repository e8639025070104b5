/**
 * Redis's geohash (geohash.c, geohash_helper.c), operation for operation so
 * positions and distances come out bit for bit: 26 steps of latitude and
 * longitude interleaved into a 52-bit sorted-set score, decoded to the centre
 * of its cell, neighbours found by bit arithmetic, and distances by the
 * haversine formula on a sphere of radius 6372797.560856 m.
 *
 * Hashes of search boxes are bigints (up to 64 bits, as in C); the decode of
 * a member's score, done once per candidate, stays in numbers.
 */

export const GEO_STEP_MAX = 26;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;

const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
/** M_PI / 180.0, folded by the C compiler to this double. */
const D_R = Math.PI / 180;
const TWO_32 = 4294967296;

const degRad = (deg: number): number => deg * D_R;
const radDeg = (rad: number): number => rad / D_R;

/** A geohash of `step` bits per coordinate (step 0 with bits 0 marks a box not to search). */
export interface HashBits {
  bits: bigint;
  step: number;
}

interface Range {
  min: number;
  max: number;
}

/** A decoded cell. */
interface Area {
  lon: Range;
  lat: Range;
}

const WGS84_LAT: Range = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };
const WGS84_LON: Range = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
/** The standard geohash ranges that GEOHASH re-encodes to. */
const STANDARD_LAT: Range = { min: -90, max: 90 };

/** The low 16 bits of x spread to the even bits of a 32-bit result. */
function spread16(x: number): number {
  x &= 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

/** The even bits of a 32-bit x gathered into 16 bits. */
function squash(x: number): number {
  x &= 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  x = (x | (x >>> 8)) & 0x0000ffff;
  return x;
}

/** interleave64: x's bits at even positions, y's at odd ones (x, y as uint32), as 32-bit halves. */
function interleave(x: number, y: number): [lo: number, hi: number] {
  return [(spread16(x) | (spread16(y) << 1)) >>> 0, (spread16(x >>> 16) | (spread16(y >>> 16) << 1)) >>> 0];
}

/** geohashEncode as 32-bit halves: null where Redis fails (out of range). */
function encodeHalves(lon: number, lat: number, step: number, latRange: Range): [lo: number, hi: number] | null {
  if (lon > GEO_LONG_MAX || lon < GEO_LONG_MIN || lat > GEO_LAT_MAX || lat < GEO_LAT_MIN) return null;
  if (lat < latRange.min || lat > latRange.max) return null;
  const scale = 2 ** step;
  const latOffset = ((lat - latRange.min) / (latRange.max - latRange.min)) * scale;
  const lonOffset = ((lon - WGS84_LON.min) / (WGS84_LON.max - WGS84_LON.min)) * scale;
  // C converts the offsets to uint32 by truncation.
  return interleave(Math.trunc(latOffset) >>> 0, Math.trunc(lonOffset) >>> 0);
}

function encode(lon: number, lat: number, step: number, latRange: Range = WGS84_LAT): HashBits | null {
  const halves = encodeHalves(lon, lat, step, latRange);
  return halves && { bits: (BigInt(halves[1]) << 32n) | BigInt(halves[0]), step };
}

/** The cell of a hash given as its two 32-bit halves (geohashDecode after deinterleave64). */
function decodeHalves(lo: number, hi: number, step: number, latRange: Range): Area {
  const ilat = squash(lo) + squash(hi) * 65536;
  const ilon = squash(lo >>> 1) + squash(hi >>> 1) * 65536;
  const div = 2 ** step;
  const latScale = latRange.max - latRange.min;
  const lonScale = WGS84_LON.max - WGS84_LON.min;
  return {
    lat: {
      min: latRange.min + (ilat * 1.0 / div) * latScale,
      // (ilat + 1) is uint32 arithmetic in C.
      max: latRange.min + ((((ilat + 1) >>> 0) * 1.0) / div) * latScale,
    },
    lon: {
      min: WGS84_LON.min + (ilon * 1.0 / div) * lonScale,
      max: WGS84_LON.min + ((((ilon + 1) >>> 0) * 1.0) / div) * lonScale,
    },
  };
}

function decodeBits(hash: HashBits, latRange: Range = WGS84_LAT): Area {
  return decodeHalves(Number(hash.bits & 0xffffffffn), Number((hash.bits >> 32n) & 0xffffffffn), hash.step, latRange);
}

/** The centre of a cell, kept within the WGS84 limits (geohashDecodeAreaToLongLat). */
function centre(area: Area): [lon: number, lat: number] {
  let lon = (area.lon.min + area.lon.max) / 2;
  if (lon > GEO_LONG_MAX) lon = GEO_LONG_MAX;
  if (lon < GEO_LONG_MIN) lon = GEO_LONG_MIN;
  let lat = (area.lat.min + area.lat.max) / 2;
  if (lat > GEO_LAT_MAX) lat = GEO_LAT_MAX;
  if (lat < GEO_LAT_MIN) lat = GEO_LAT_MIN;
  return [lon, lat];
}

/** The sorted-set score GEOADD gives a position, as the decimal integer ZADD reads. */
export function geoScore(lon: number, lat: number): string {
  const [lo, hi] = encodeHalves(lon, lat, GEO_STEP_MAX, WGS84_LAT)!;
  // Below 2^53 a number is exact; only positions on the east or north edge reach beyond.
  return hi < 2 ** 21 ? String(hi * TWO_32 + lo) : ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** C's (uint64_t) cast of a score, as two 32-bit halves (x86-64 semantics for odd values). */
function scoreHalves(score: number): [lo: number, hi: number] {
  if (score >= 0 && score < 9007199254740992) {
    const v = Math.trunc(score);
    const hi = Math.floor(v / TWO_32);
    return [v - hi * TWO_32, hi];
  }
  let v: bigint;
  if (score !== score || score >= 2 ** 64) v = score >= 2 ** 64 ? 0n : 1n << 63n;
  else if (score <= -(2 ** 63)) v = 1n << 63n;
  else v = BigInt(Math.trunc(score)) & 0xffffffffffffffffn;
  return [Number(v & 0xffffffffn), Number(v >> 32n)];
}

/** A member's position from its score (decodeGeohash): the centre of its 52-bit cell. */
export function decodeScore(score: number): [lon: number, lat: number] {
  const [lo, hi] = scoreHalves(score);
  return centre(decodeHalves(lo, hi, GEO_STEP_MAX, WGS84_LAT));
}

const GEO_ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/** GEOHASH's 11-character standard geohash of a score (latitude re-encoded over ±90). */
export function geohashString(score: number): string {
  const [lon, lat] = decodeScore(score);
  const [lo, hi] = encodeHalves(lon, lat, GEO_STEP_MAX, STANDARD_LAT)!;
  // The 52 bits, most significant first, five at a time.
  const bits = hi * TWO_32 + lo;
  let out = '';
  for (let i = 1; i <= 10; i++) out += GEO_ALPHABET[Math.floor(bits / 2 ** (52 - i * 5)) % 32];
  // 52 bits fill ten characters; Redis pads the eleventh with zero bits.
  return out + GEO_ALPHABET[0];
}

/** Distance along a meridian (geohashGetLatDistance). */
function latDistance(lat1: number, lat2: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2) - degRad(lat1));
}

/** Great-circle distance in meters (geohashGetDistance). */
export function geoDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const lon1r = degRad(lon1);
  const lon2r = degRad(lon2);
  const v = Math.sin((lon2r - lon1r) / 2);
  // Same longitude: skip the trigonometry (and its rounding), as Redis does.
  if (v === 0.0) return latDistance(lat1, lat2);
  const lat1r = degRad(lat1);
  const lat2r = degRad(lat2);
  const u = Math.sin((lat2r - lat1r) / 2);
  const a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(a));
}

/** A search area: a circle or an axis-aligned box around a centre (GeoShape). */
export interface GeoShape {
  kind: 'radius' | 'box';
  lon: number;
  lat: number;
  /** Meters per unit of the distances given. */
  conversion: number;
  radius: number;
  width: number;
  height: number;
}

/** The shape's bounding box [minLon, minLat, maxLon, maxLat] (geohashBoundingBox). */
function boundingBox(shape: GeoShape): [number, number, number, number] {
  const { lon, lat } = shape;
  const height = shape.conversion * (shape.kind === 'radius' ? shape.radius : shape.height / 2);
  const width = shape.conversion * (shape.kind === 'radius' ? shape.radius : shape.width / 2);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const lonDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(lat + latDelta)));
  const lonDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(lat - latDelta)));
  // The box is wider at the edge nearer the equator.
  const lonDelta = lat < 0 ? lonDeltaBottom : lonDeltaTop;
  return [lon - lonDelta, lat - latDelta, lon + lonDelta, lat + latDelta];
}

/** The step whose cells are about the size of the search (geohashEstimateStepsByRadius). */
function estimateSteps(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  return Math.min(26, Math.max(1, step));
}

/** geohash_move_x / geohash_move_y: the next cell east/west (x) or north/south (y). */
function move(hash: HashBits, d: number, axis: 'x' | 'y'): HashBits {
  if (d === 0) return hash;
  const shift = BigInt(64 - hash.step * 2);
  const evens = 0x5555555555555555n;
  const odds = 0xaaaaaaaaaaaaaaaan;
  // x (longitude) lives in the odd bits, y (latitude) in the even ones.
  const mine = axis === 'x' ? odds : evens;
  const other = axis === 'x' ? evens : odds;
  let v = hash.bits & mine;
  const keep = hash.bits & other;
  const zz = other >> shift;
  if (d > 0) v = v + (zz + 1n);
  else v = (v | zz) - (zz + 1n);
  v &= (mine >> shift) & 0xffffffffffffffffn;
  return { bits: (v | keep) & 0xffffffffffffffffn, step: hash.step };
}

const ZERO_HASH: HashBits = { bits: 0n, step: 0 };

/**
 * The nine cells covering a shape (geohashCalculateAreasByShapeWGS84), in the
 * order Redis searches them: the centre, N, S, E, W, NE, NW, SE, SW. Cells
 * the shape cannot reach are the zero hash.
 */
export function searchCells(shape: GeoShape): HashBits[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  const radiusMeters =
    (shape.kind === 'radius' ? shape.radius : Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2))) *
    shape.conversion;
  let steps = estimateSteps(radiusMeters, shape.lat);
  let hash = encode(shape.lon, shape.lat, steps) ?? { bits: 0n, step: steps };
  let n = neighbours(hash);
  // A neighbour that does not reach past the bounding box means the cells are too small.
  const tooSmall =
    decodeBits(n.north).lat.max < maxLat ||
    decodeBits(n.south).lat.min > minLat ||
    decodeBits(n.east).lon.max < maxLon ||
    decodeBits(n.west).lon.min > minLon;
  if (steps > 1 && tooSmall) {
    steps--;
    hash = encode(shape.lon, shape.lat, steps) ?? { bits: 0n, step: steps };
    n = neighbours(hash);
  }
  if (steps >= 2) {
    const area = decodeBits(hash);
    if (area.lat.min < minLat) n.south = n.southWest = n.southEast = ZERO_HASH;
    if (area.lat.max > maxLat) n.north = n.northEast = n.northWest = ZERO_HASH;
    if (area.lon.min < minLon) n.west = n.southWest = n.northWest = ZERO_HASH;
    if (area.lon.max > maxLon) n.east = n.southEast = n.northEast = ZERO_HASH;
  }
  return [hash, n.north, n.south, n.east, n.west, n.northEast, n.northWest, n.southEast, n.southWest];
}

function neighbours(hash: HashBits) {
  return {
    east: move(hash, 1, 'x'),
    west: move(hash, -1, 'x'),
    south: move(hash, -1, 'y'),
    north: move(hash, 1, 'y'),
    northWest: move(move(hash, -1, 'x'), 1, 'y'),
    northEast: move(move(hash, 1, 'x'), 1, 'y'),
    southEast: move(move(hash, 1, 'x'), -1, 'y'),
    southWest: move(move(hash, -1, 'x'), -1, 'y'),
  };
}

/** The score interval [min, max) of the members inside a cell (scoresOfGeoHashBox). */
export function cellScores(hash: HashBits): [min: number, max: number] {
  const shift = BigInt(52 - hash.step * 2);
  const mask = 0xffffffffffffffffn;
  return [Number((hash.bits << shift) & mask), Number(((hash.bits + 1n) << shift) & mask)];
}

/**
 * A candidate's distance from the shape's centre if it lies inside the shape,
 * else -1 (geoWithinShape). For a box, inside means within half the width and
 * half the height, measured along the ground.
 */
export function distanceWithin(shape: GeoShape, lon: number, lat: number): number {
  if (shape.kind === 'radius') {
    const d = geoDistance(shape.lon, shape.lat, lon, lat);
    return d > shape.radius * shape.conversion ? -1 : d;
  }
  const width = shape.width * shape.conversion;
  const height = shape.height * shape.conversion;
  if (latDistance(lat, shape.lat) > height / 2) return -1;
  if (geoDistance(lon, lat, shape.lon, lat) > width / 2) return -1;
  return geoDistance(shape.lon, shape.lat, lon, lat);
}
