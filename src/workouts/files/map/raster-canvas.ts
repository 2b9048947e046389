import { PNG } from 'pngjs';
import { clipSegment } from 'src/workouts/files/map/clip-segment';

export type Rgb = readonly [number, number, number];

export function parseHexColor(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** An RGB image drawn in memory: opaque fill, PNG tiles, an anti-aliased polyline. */
export class RasterCanvas {
  private readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    const pixels = new Uint8Array(width * height * 3);
    pixels.set(background);
    // Doubling copies: a handful of memmoves instead of one call per pixel.
    for (let filled = 3; filled < pixels.length; filled *= 2) {
      pixels.copyWithin(filled, 0, Math.min(filled, pixels.length - filled));
    }
    this.pixels = pixels;
  }

  /** Pastes a decoded RGBA image with its top-left corner at (left, top), alpha-blended. */
  drawImage(image: PNG, left: number, top: number): void {
    for (let y = Math.max(0, -top); y < image.height && y + top < this.height; y++) {
      for (let x = Math.max(0, -left); x < image.width && x + left < this.width; x++) {
        const source = (y * image.width + x) * 4;
        const alpha = (image.data[source + 3] ?? 255) / 255;
        const target = ((y + top) * this.width + x + left) * 3;
        for (let c = 0; c < 3; c++) {
          const value =
            (image.data[source + c] ?? 0) * alpha + (this.pixels[target + c] ?? 0) * (1 - alpha);
          this.pixels[target + c] = Math.round(value);
        }
      }
    }
  }

  /**
   * Strokes the polyline through `points` (x0, y0, x1, y1...) with round joins: each pixel
   * takes the coverage of its centre by the nearest segment, one pixel of anti-aliasing. Only
   * the part of each segment near the image is drawn, so the work is bounded by the image
   * whatever the coordinates.
   */
  strokePolyline(points: Float64Array, color: Rgb, lineWidth: number): void {
    const coverage = new Float32Array(this.width * this.height);
    const radius = lineWidth / 2;
    const reach = radius + 1;
    const box = { minX: -reach, minY: -reach, maxX: this.width + reach, maxY: this.height + reach };
    const count = points.length / 2;
    let [px, py] = [points[0] ?? 0, points[1] ?? 0];
    if (count === 1 && clipSegment(px, py, px, py, box) !== null)
      this.coverSegment(coverage, px, py, px, py, radius);
    for (let i = 1; i < count; i++) {
      const [x, y] = [points[2 * i] ?? 0, points[2 * i + 1] ?? 0];
      // Sub-pixel steps add nothing visible; skipping them keeps a million points cheap.
      if (i < count - 1 && (x - px) ** 2 + (y - py) ** 2 < 0.25) continue;
      const visible = clipSegment(px, py, x, y, box);
      if (visible !== null) {
        const [x0, y0] = [px + (x - px) * visible[0], py + (y - py) * visible[0]];
        const [x1, y1] = [px + (x - px) * visible[1], py + (y - py) * visible[1]];
        // Short pieces keep each bounding box small even for a line across the whole image.
        const pieces = Math.max(1, Math.ceil(Math.sqrt((x1 - x0) ** 2 + (y1 - y0) ** 2) / 8));
        for (let k = 0; k < pieces; k++) {
          const [a, b] = [k / pieces, (k + 1) / pieces];
          this.coverSegment(
            coverage,
            x0 + (x1 - x0) * a,
            y0 + (y1 - y0) * a,
            x0 + (x1 - x0) * b,
            y0 + (y1 - y0) * b,
            radius,
          );
        }
      }
      [px, py] = [x, y];
    }
    for (let i = 0; i < coverage.length; i++) {
      const alpha = coverage[i] ?? 0;
      if (alpha === 0) continue;
      for (let c = 0; c < 3; c++) {
        const value = (color[c] ?? 0) * alpha + (this.pixels[i * 3 + c] ?? 0) * (1 - alpha);
        this.pixels[i * 3 + c] = Math.round(value);
      }
    }
  }

  toPng(): Buffer {
    const options = { colorType: 2, inputColorType: 2, inputHasAlpha: false } as const;
    const png = new PNG({ width: this.width, height: this.height, ...options });
    png.data = Buffer.from(this.pixels.buffer, this.pixels.byteOffset, this.pixels.byteLength);
    // One fixed filter (Sub): pngjs' adaptive choice costs ~100× more for little gain here.
    return PNG.sync.write(png, { ...options, filterType: 1 });
  }

  private coverSegment(
    coverage: Float32Array,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    radius: number,
  ): void {
    const reach = radius + 1;
    const minX = Math.max(0, Math.floor(Math.min(x0, x1) - reach));
    const maxX = Math.min(this.width - 1, Math.ceil(Math.max(x0, x1) + reach));
    const minY = Math.max(0, Math.floor(Math.min(y0, y1) - reach));
    const maxY = Math.min(this.height - 1, Math.ceil(Math.max(y0, y1) + reach));
    const [dx, dy] = [x1 - x0, y1 - y0];
    const lengthSquared = dx * dx + dy * dy;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const [cx, cy] = [x + 0.5, y + 0.5];
        const t =
          lengthSquared === 0
            ? 0
            : Math.max(0, Math.min(1, ((cx - x0) * dx + (cy - y0) * dy) / lengthSquared));
        const distance = Math.sqrt((cx - x0 - t * dx) ** 2 + (cy - y0 - t * dy) ** 2);
        const value = Math.max(0, Math.min(1, radius + 0.5 - distance));
        const index = y * this.width + x;
        if (value > (coverage[index] ?? 0)) coverage[index] = value;
      }
    }
  }
}
