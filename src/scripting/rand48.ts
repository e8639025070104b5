/**
 * Redis's math.random generator (rand.c): the 48-bit linear congruential
 * generator of drand48, x' = (0x5DEECE66D·x + 0xB) mod 2^48, so that after
 * math.randomseed(n) a script draws the same numbers as on Redis.
 */
const A = 0x5deece66dn;
const MASK = (1n << 48n) - 1n;
/** REDIS_LRAND48_MAX */
const LRAND48_MAX = 2147483647;

export class Rand48 {
  private x: bigint;

  /** Starts from an arbitrary state (Redis's is whatever earlier scripts left). */
  constructor(seed: number) {
    this.x = 0n;
    this.seed(seed);
  }

  /** redisSrand48: the seed's low 32 bits above 0x330E. */
  seed(n: number): void {
    this.x = ((BigInt(n) & 0xffffffffn) << 16n) | 0x330en;
  }

  /** redisLrand48: the top 31 bits of the next state. */
  next(): number {
    this.x = (A * this.x + 0xbn) & MASK;
    return Number(this.x >> 17n);
  }

  /** math.random's r in [0, 1), as redis_math_random computes it. */
  fraction(): number {
    return (this.next() % LRAND48_MAX) / LRAND48_MAX;
  }
}
