/**
 * Seeded random numbers for the demo traffic. Every stream is derived from (seed, name), so adding a
 * service or drawing more numbers for one service does not shift the others.
 */

/** Module-level aliases: inside jest's vm context every lookup of the global `Math` is ~30x slower. */
const { PI, cos, exp, floor, imul, log, max, min, round, sin, sqrt } = Math;

/** FNV-1a over the text: a stable 32-bit seed for a named stream. */
function streamSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}/${name}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;
  private spareGaussian: number | null = null;

  constructor(seed: number, name: string) {
    this.state = streamSeed(seed, name);
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = imul(this.state ^ (this.state >>> 15), 1 | this.state);
    mixed = (mixed + imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number {
    return low + floor(this.next() * (high - low + 1));
  }

  /** Standard normal (Box-Muller, keeping the second value for the next call). */
  gaussian(): number {
    if (this.spareGaussian !== null) {
      const value = this.spareGaussian;
      this.spareGaussian = null;
      return value;
    }
    const radius = sqrt(-2 * log(1 - this.next()));
    const angle = 2 * PI * this.next();
    this.spareGaussian = radius * sin(angle);
    return radius * cos(angle);
  }

  /** Poisson count: exact for small means, the normal approximation above (it is then indistinguishable). */
  poisson(mean: number): number {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      const limit = exp(-mean);
      let count = -1;
      let product = 1;
      do {
        count++;
        product *= this.next();
      } while (product > limit);
      return count;
    }
    return max(0, round(mean + sqrt(mean) * this.gaussian()));
  }

  /** Binomial count of n trials: exact for small n, Poisson or normal approximations otherwise. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (n < 40) {
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (this.next() < p) {
          count++;
        }
      }
      return count;
    }
    const mean = n * p;
    if (mean < 20) {
      return min(n, this.poisson(mean));
    }
    if (n - mean < 20) {
      return n - min(n, this.poisson(n - mean));
    }
    const drawn = round(mean + sqrt(mean * (1 - p)) * this.gaussian());
    return min(n, max(0, drawn));
  }
}
